namespace HealthGuideBot.Core.HealthcarePlans.Reviews;

/// <summary>Which prompt a review is at on a given day.</summary>
public enum ReviewPromptStage
{
    /// <summary>Nothing to send: the review is not close yet, or prompts are snoozed.</summary>
    None,

    /// <summary>Within <see cref="PlanReviewOptions.DaysBefore"/> days of the due date: the nurse is reminded.</summary>
    Before,

    /// <summary>On or after the due date, within the grace period: the nurse is told it is due.</summary>
    Due,

    /// <summary>Past the due date and the grace period, not reviewed: the SENCO is told once.</summary>
    Overdue,
}

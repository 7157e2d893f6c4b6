namespace HealthGuideBot.Core.HealthcarePlans.Reviews;

/// <summary>The outstanding plan reviews (table <c>plan_review_schedule</c> in the embedded default).</summary>
public interface IPlanReviewScheduleStore
{
    /// <summary>The plan's outstanding review, or null.</summary>
    Task<PlanReviewSchedule?> FindAsync(string planId, CancellationToken cancellationToken);

    /// <summary>Every outstanding review due on or before <paramref name="dueOnOrBefore"/>, earliest first.</summary>
    Task<IReadOnlyList<PlanReviewSchedule>> ListDueByAsync(DateOnly dueOnOrBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the plan's schedule with <paramref name="schedule"/> when it still is for the same version (a card
    /// from an older version changes nothing); false when it was not.
    /// </summary>
    Task<bool> UpdateAsync(PlanReviewSchedule schedule, CancellationToken cancellationToken);
}

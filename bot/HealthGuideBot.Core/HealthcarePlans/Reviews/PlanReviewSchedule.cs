namespace HealthGuideBot.Core.HealthcarePlans.Reviews;

/// <summary>
/// The outstanding review of one plan: one row per plan, replaced when a new version is scheduled. Identifiers and
/// dates only; the pupil's name is looked up when a card is built.
/// </summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Version">The plan version this review is for.</param>
/// <param name="PupilId">The pupil's roster id.</param>
/// <param name="DueDate">The review date (a plain UK date).</param>
/// <param name="ResponsibleNurseUserId">The Entra object id of the nurse who is prompted.</param>
/// <param name="SnoozedUntil">No prompt is sent before this date (set by "Snooze 7 days").</param>
public sealed record PlanReviewSchedule(
    string PlanId,
    int Version,
    string PupilId,
    DateOnly DueDate,
    string ResponsibleNurseUserId,
    DateOnly? SnoozedUntil);

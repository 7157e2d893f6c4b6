namespace HealthGuideBot.Core.HealthcarePlans;

/// <summary>
/// Schedules review prompts (Quartz.NET with a persistent store). Called by the plan store's caller after every saved
/// version, and when an emergency involving the pupil is recorded (due at once).
/// </summary>
public interface IPlanReviewScheduler
{
    /// <summary>Schedules the prompts for <paramref name="due"/>, replacing any earlier schedule for the same plan.</summary>
    Task ScheduleAsync(PlanReviewDue due, CancellationToken cancellationToken);

    /// <summary>Makes the plan's review due today (an emergency involving the pupil was recorded).</summary>
    Task MarkDueNowAsync(string planId, CancellationToken cancellationToken);
}

namespace HealthGuideBot.Infrastructure.Reviews;

/// <summary>One plan's outstanding review (<c>plan_review_schedule</c>): identifiers and dates only.</summary>
internal sealed class PlanReviewScheduleEntity
{
    public required string PlanId { get; set; }

    public int Version { get; set; }

    public required string PupilId { get; set; }

    public DateOnly DueDate { get; set; }

    public required string ResponsibleNurseUserId { get; set; }

    public DateOnly? SnoozedUntil { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

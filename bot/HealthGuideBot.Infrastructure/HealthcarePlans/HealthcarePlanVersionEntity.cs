namespace HealthGuideBot.Infrastructure.HealthcarePlans;

/// <summary>
/// One saved version of a healthcare plan. The columns the bot queries by are columns; the plan itself (Template A,
/// free text included) is kept whole as JSON, so a new Template A field needs no migration.
/// </summary>
internal sealed class HealthcarePlanVersionEntity
{
    public long Id { get; set; }

    public required string PlanId { get; set; }

    public int Version { get; set; }

    public required string PupilId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateOnly ReviewDate { get; set; }

    /// <summary>The id carried by the Submit button that saved this version: unique, so a repeated submit saves nothing.</summary>
    public required string SubmissionId { get; set; }

    public required string PlanJson { get; set; }
}

/// <summary>A member of staff's acknowledgement of one plan version.</summary>
internal sealed class PlanAcknowledgementEntity
{
    public required string PlanId { get; set; }

    public int Version { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset AcknowledgedAt { get; set; }
}

namespace HealthGuideBot.Infrastructure.Referrals;

/// <summary>A submitted referral. The answers are JSON (labels and values as they read back); the status and version let it be amended later.</summary>
internal sealed class ReferralEntity
{
    /// <summary>The opaque referral id fixed when the form started: a second submission of the same referral finds this row.</summary>
    public required string Id { get; set; }

    /// <summary>REF-yyyy-nnnnnn, unique.</summary>
    public required string Reference { get; set; }

    public int Year { get; set; }

    public int Sequence { get; set; }

    public required string ServiceId { get; set; }

    public required string ServiceName { get; set; }

    public required string PupilId { get; set; }

    public required string PupilName { get; set; }

    public required string ClassName { get; set; }

    public required string AnswersJson { get; set; }

    public bool RiskIndicated { get; set; }

    public required string Status { get; set; }

    public int Version { get; set; }

    public required string SubmittedByUserId { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
}

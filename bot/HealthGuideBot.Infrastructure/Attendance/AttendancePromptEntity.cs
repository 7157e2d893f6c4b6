namespace HealthGuideBot.Infrastructure.Attendance;

/// <summary>A panel-referral prompt sent to the SENCOs: at most one per pupil, term and threshold.</summary>
internal sealed class AttendancePromptEntity
{
    /// <summary><c>attendance:{pupilId}:{termId}:{thresholdDays}</c>.</summary>
    public required string Key { get; set; }

    public required string PupilId { get; set; }

    public required string TermId { get; set; }

    public int ThresholdDays { get; set; }

    public DateTimeOffset PromptedAt { get; set; }
}

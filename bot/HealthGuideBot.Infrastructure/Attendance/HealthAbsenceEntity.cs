using HealthGuideBot.Core.Attendance;

namespace HealthGuideBot.Infrastructure.Attendance;

/// <summary>One health-related absence session: a pupil's morning or afternoon on one date, with its register code.</summary>
internal sealed class HealthAbsenceEntity
{
    public required string PupilId { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>Morning or afternoon (whole days are stored as both).</summary>
    public AttendanceSession Session { get; set; }

    public required string Code { get; set; }

    /// <summary>When the session was first imported (UTC).</summary>
    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>When an import last changed its code (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

namespace HealthGuideBot.Infrastructure.Attendance;

/// <summary>Column lengths of the attendance tables.</summary>
internal static class AttendanceLimits
{
    public const int PupilId = 64;
    public const int Code = 4;
    public const int TermId = 64;
    public const int PromptKey = 200;
}

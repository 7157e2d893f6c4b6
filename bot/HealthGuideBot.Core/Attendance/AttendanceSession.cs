namespace HealthGuideBot.Core.Attendance;

/// <summary>
/// A register session. English schools take the register twice a day (School Attendance (Pupil Registration)
/// (England) Regulations 2024, regulation 10: the morning and the afternoon session), so two sessions make one day.
/// </summary>
public enum AttendanceSession
{
    /// <summary>The morning session (AM).</summary>
    Morning,

    /// <summary>The afternoon session (PM).</summary>
    Afternoon,

    /// <summary>Both sessions of the day; stored as a morning and an afternoon.</summary>
    WholeDay,
}

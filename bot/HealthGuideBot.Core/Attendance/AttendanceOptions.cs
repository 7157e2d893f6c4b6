using System.ComponentModel.DataAnnotations;

namespace HealthGuideBot.Core.Attendance;

/// <summary>
/// Settings for health-related absence (section <c>HealthGuideBot:Attendance</c>): the school's term dates, which
/// register codes count as health-related, and when the SENCO is prompted.
/// </summary>
public sealed class AttendanceOptions
{
    public const string Section = "HealthGuideBot:Attendance";

    /// <summary>
    /// The school's terms, for example <c>"Terms": [{ "Id": "2026-27-autumn", "Name": "Autumn term 2026",
    /// "Start": "2026-09-02", "End": "2026-12-18" }]</c>. Empty means <see cref="TermCalendar.DefaultTerms"/>, a sample
    /// English school year: term dates differ between local authorities and academy trusts, so every school must set
    /// its own.
    /// </summary>
    public List<TermSetting> Terms { get; set; } = [];

    /// <summary>
    /// The DfE register codes that count as health-related absence. Empty means <see cref="DefaultHealthCodes"/>.
    /// </summary>
    public List<string> HealthCodes { get; set; } = [];

    /// <summary>
    /// Health-related absence days in one term at which the SENCO is offered a multi-agency panel referral. The default,
    /// 10, follows the multi-agency pathway's early intervention step (proactive monitoring of absence for medical
    /// conditions and ill-health once 10 days or more are missed), ahead of the local authority's duty from 15 days.
    /// </summary>
    [Range(1, 200)]
    public int PromptThresholdDays { get; set; } = 10;

    /// <summary>How often the running bot re-checks every pupil (after imports it checks at once). Zero turns the periodic check off.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The codes counted when none are configured, from the School Attendance (Pupil Registration) (England)
    /// Regulations 2024 and "Working together to improve school attendance" (2024): <c>I</c>, illness (not a
    /// medical or dental appointment), and <c>M</c>, a medical or dental appointment. Both are authorised absences.
    /// Not counted: <c>K</c> (education arranged by the local authority, for example home or hospital tuition, which
    /// is attendance at an approved activity, not absence), <c>C</c>/<c>C1</c>/<c>C2</c> (other authorised
    /// circumstances, including part-time timetables) and every unauthorised code. A school that wants, say, a
    /// part-time timetable for medical reasons counted adds its code here.
    /// </summary>
    public static IReadOnlyList<string> DefaultHealthCodes { get; } = ["I", "M"];

    /// <summary>The codes in force, upper case.</summary>
    public IReadOnlySet<string> EffectiveHealthCodes() =>
        (HealthCodes.Count > 0 ? HealthCodes : DefaultHealthCodes)
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => c.Trim().ToUpperInvariant())
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>One configured term.</summary>
    public sealed class TermSetting
    {
        /// <summary>Stable id; defaults to the start date (<c>yyyy-MM-dd</c>).</summary>
        public string? Id { get; set; }

        public string? Name { get; set; }

        public DateOnly Start { get; set; }

        public DateOnly End { get; set; }
    }
}

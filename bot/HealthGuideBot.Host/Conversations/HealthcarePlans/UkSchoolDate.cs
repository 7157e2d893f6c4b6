using System.Globalization;
using HealthGuideBot.Core;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>
/// UK dates for the plan form: "today" is the school's date in Europe/London (so 23:30 UTC in summer is already
/// tomorrow), and dates are read and shown as dd/mm/yyyy and kept as <see cref="DateOnly"/>.
/// </summary>
internal static class UkSchoolDate
{
    private static readonly string[] Formats = ["d/M/yyyy", "dd/MM/yyyy"];

    public static DateOnly Today(TimeProvider timeProvider) => SchoolCalendar.Today(timeProvider);

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

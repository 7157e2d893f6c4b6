using System.Globalization;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>
/// UK dates for the plan form: "today" is the school's date in Europe/London (so 23:30 UTC in summer is already
/// tomorrow), and dates are read and shown as dd/mm/yyyy and kept as <see cref="DateOnly"/>.
/// </summary>
internal static class UkSchoolDate
{
    private static readonly string[] Formats = ["d/M/yyyy", "dd/MM/yyyy"];

    private static readonly TimeZoneInfo London = FindLondon();

    public static DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), London).DateTime);
    }

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindLondon()
    {
        // IANA id on Linux and with ICU on Windows; the Windows id otherwise.
        return TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var london) ? london
            : TimeZoneInfo.TryFindSystemTimeZoneById("GMT Standard Time", out var gmt) ? gmt
            : throw new InvalidOperationException("The Europe/London time zone is not installed (install tzdata).");
    }
}

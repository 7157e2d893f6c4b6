using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthGuideBot.Core.Referrals.Parsing;

/// <summary>
/// Dates as UK staff write them, always day before month: "14/03/2026", "14/3/26", "14-03-2026", "2026-03-14",
/// "14 March", "14th March 2026", "March 14", "today", "yesterday", "last Tuesday", "3 weeks ago", "a month ago",
/// "last week", "since September", "September 2025", "in 2 weeks". Relative answers count from
/// <c>today</c> (the school's date: <see cref="SchoolCalendar.Today"/>). A date without a year leans the way
/// <see cref="DateDirection"/> says. Null when the answer is not a date or names an impossible one (31/02).
/// </summary>
public static partial class UkDateParser
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static DateOnly? Parse(string? text, DateOnly today, DateDirection direction = DateDirection.Past)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = Clean(text);

        if (Iso().Match(s) is { Success: true } iso)
        {
            return Make(Int(iso, "y"), Int(iso, "m"), Int(iso, "d"));
        }

        if (Numeric().Match(s) is { Success: true } numeric)
        {
            var day = Int(numeric, "d");
            var month = Int(numeric, "m");
            if (!numeric.Groups["y"].Success)
            {
                return WithoutYear(day, month, today, direction);
            }

            var year = Int(numeric, "y");
            return Make(year < 100 ? 2000 + year : year, month, day);
        }

        if (DayMonth().Match(s) is { Success: true } dayMonth && MonthOf(dayMonth.Groups["mon"].Value) is { } m1)
        {
            var day = Int(dayMonth, "d");
            return dayMonth.Groups["y"].Success ? Make(FullYear(Int(dayMonth, "y")), m1, day) : WithoutYear(day, m1, today, direction);
        }

        if (MonthDay().Match(s) is { Success: true } monthDay && MonthOf(monthDay.Groups["mon"].Value) is { } m2)
        {
            var day = Int(monthDay, "d");
            return monthDay.Groups["y"].Success ? Make(FullYear(Int(monthDay, "y")), m2, day) : WithoutYear(day, m2, today, direction);
        }

        switch (s)
        {
            case "today":
            case "now":
            case "this morning":
            case "this afternoon":
                return today;
            case "yesterday":
                return today.AddDays(-1);
            case "tomorrow":
                return today.AddDays(1);
            case "last week":
                return today.AddDays(-7);
            case "last month":
                return today.AddMonths(-1);
            case "last year":
                return today.AddYears(-1);
            case "next week":
                return today.AddDays(7);
            case "next month":
                return today.AddMonths(1);
            case "start term":
            case "beginning term":
            case "start this term":
            case "beginning this term":
                return TermStart(today);
            default:
                break;
        }

        if (Relative().Match(s) is { Success: true } relative && Amount(relative.Groups["n"].Value) is { } amount)
        {
            var back = relative.Groups["ago"].Success;
            if (!back && !relative.Groups["in"].Success && !relative.Groups["later"].Success)
            {
                return null;
            }

            var sign = back ? -1 : 1;

            return relative.Groups["unit"].Value switch
            {
                "day" => today.AddDays(sign * amount),
                "week" => today.AddDays(sign * amount * 7),
                "fortnight" => today.AddDays(sign * amount * 14),
                "month" => today.AddMonths(sign * amount),
                "year" => today.AddYears(sign * amount),
                _ => null,
            };
        }

        if (Weekday().Match(s) is { Success: true } weekday && DayOfWeekOf(weekday.Groups["day"].Value) is { } dow)
        {
            var which = weekday.Groups["which"].Value;
            if (which == "last" || (which.Length == 0 && direction == DateDirection.Past))
            {
                // "last Tuesday" on a Tuesday is a week ago; "Tuesday" on a Tuesday (looking back) is today.
                var back = ((int)today.DayOfWeek - (int)dow + 7) % 7;
                return today.AddDays(-(back == 0 && which == "last" ? 7 : back));
            }

            var forward = ((int)dow - (int)today.DayOfWeek + 7) % 7;
            return today.AddDays(forward == 0 && which == "next" ? 7 : forward);
        }

        if (MonthOnly().Match(s) is { Success: true } monthOnly && MonthOf(monthOnly.Groups["mon"].Value) is { } m3)
        {
            return monthOnly.Groups["y"].Success ? Make(FullYear(Int(monthOnly, "y")), m3, 1) : WithoutYear(1, m3, today, direction);
        }

        return null;
    }

    /// <summary>How a date reads back to UK staff: "14 March 2026".</summary>
    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static DateOnly TermStart(DateOnly today)
    {
        // English school terms start in early September, January and April (approximately; the school's own dates vary).
        var (month, year) = today.Month switch
        {
            >= 9 => (9, today.Year),
            >= 4 => (4, today.Year),
            _ => (1, today.Year),
        };
        return new DateOnly(year, month, 1);
    }

    private static string Clean(string text)
    {
        var s = text.Trim().ToLowerInvariant().Replace('’', '\'');
        s = Ordinal().Replace(s, "$1");
        s = s.Replace(",", " ", StringComparison.Ordinal).Replace(" of ", " ", StringComparison.Ordinal).TrimEnd('.', '!', '?');
        s = Lead().Replace(s, string.Empty);
        return string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static DateOnly? WithoutYear(int day, int month, DateOnly today, DateDirection direction)
    {
        if (Make(today.Year, month, day) is not { } thisYear)
        {
            // 29 February in a non-leap year: try the neighbouring year the direction points to.
            return direction == DateDirection.Future ? Make(today.Year + 1, month, day) : Make(today.Year - 1, month, day);
        }

        return direction switch
        {
            DateDirection.Past when thisYear > today => Make(today.Year - 1, month, day),
            DateDirection.Future when thisYear < today => Make(today.Year + 1, month, day),
            _ => thisYear,
        };
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int FullYear(int year) => year < 100 ? 2000 + year : year;

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int? Amount(string text) =>
        text is "a" or "an" ? 1
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : NumberParser.ParseWords(text) is { } words && words == decimal.Truncate(words) ? (int)words
        : null;

    private static int? MonthOf(string name)
    {
        if (name.Length < 3)
        {
            return null;
        }

        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(name, StringComparison.Ordinal) || (name == "sept" && i == 8))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static DayOfWeek? DayOfWeekOf(string name) => name[..3] switch
    {
        "mon" => DayOfWeek.Monday,
        "tue" => DayOfWeek.Tuesday,
        "wed" => DayOfWeek.Wednesday,
        "thu" => DayOfWeek.Thursday,
        "fri" => DayOfWeek.Friday,
        "sat" => DayOfWeek.Saturday,
        "sun" => DayOfWeek.Sunday,
        _ => null,
    };

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"^(?:(?:it )?(?:started|began|begun|starting) |(?:about|around|roughly|approximately|approx|on|from|the|since|at) )+(?=.)", RegexOptions.CultureInvariant)]
    private static partial Regex Lead();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<d>\d{1,2})[/.\-](?<m>\d{1,2})(?:[/.\-](?<y>\d{2}|\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(?<d>\d{1,2}) (?<mon>[a-z]{3,9})(?: (?<y>\d{4}|\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"^(?<mon>[a-z]{3,9}) (?<d>\d{1,2})(?: (?<y>\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"^(?:in )?(?<mon>[a-z]{3,9})(?: (?<y>\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthOnly();

    [GeneratedRegex(@"^(?:(?<which>last|next|this) )?(?<day>(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"^(?:(?<in>in) )?(?<n>\d+|[a-z]+(?:[ -][a-z]+)?) (?<unit>day|week|fortnight|month|year)s?(?: (?<ago>ago|back)| (?<later>from now|from today|time))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Relative();
}

using System.Globalization;

namespace HealthGuideBot.Core.Attendance;

/// <summary>The school's terms, in date order, and which one "now" falls in (UK local date).</summary>
public sealed class TermCalendar
{

    public TermCalendar(IEnumerable<SchoolTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        Terms = [.. terms.OrderBy(t => t.Start)];
        for (var i = 0; i < Terms.Count; i++)
        {
            if (Terms[i].End < Terms[i].Start)
            {
                throw new ArgumentException($"Term '{Terms[i].Id}' ends before it starts.", nameof(terms));
            }

            if (i > 0 && Terms[i].Start <= Terms[i - 1].End)
            {
                throw new ArgumentException($"Terms '{Terms[i - 1].Id}' and '{Terms[i].Id}' overlap.", nameof(terms));
            }
        }

        if (Terms.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count() != Terms.Count)
        {
            throw new ArgumentException("Two terms share an id.", nameof(terms));
        }
    }

    /// <summary>
    /// A sample English school year (2026/27) used when <see cref="AttendanceOptions.Terms"/> is empty. These dates are
    /// typical, not any one school's: term dates are set by each local authority or academy trust, so every school
    /// must configure its own under <c>HealthGuideBot:Attendance:Terms</c>.
    /// </summary>
    public static IReadOnlyList<SchoolTerm> DefaultTerms { get; } =
    [
        new("2026-27-autumn", "Autumn term 2026", new DateOnly(2026, 9, 2), new DateOnly(2026, 12, 18)),
        new("2026-27-spring", "Spring term 2027", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 25)),
        new("2026-27-summer", "Summer term 2027", new DateOnly(2027, 4, 12), new DateOnly(2027, 7, 21)),
    ];

    public IReadOnlyList<SchoolTerm> Terms { get; }

    /// <summary>The calendar from the options: the configured terms, or the sample year when none are set.</summary>
    public static TermCalendar From(AttendanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Terms.Count == 0)
        {
            return new TermCalendar(DefaultTerms);
        }

        return new TermCalendar(options.Terms.Select(t => new SchoolTerm(
            string.IsNullOrWhiteSpace(t.Id) ? t.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.Id.Trim(),
            string.IsNullOrWhiteSpace(t.Name) ? $"Term starting {t.Start.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}" : t.Name.Trim(),
            t.Start,
            t.End)));
    }

    /// <summary>Today's date in the UK (Europe/London), the date school staff mean.</summary>
    public static DateOnly Today(TimeProvider timeProvider) => SchoolCalendar.Today(timeProvider);

    /// <summary>The term containing <paramref name="date"/>, or null in a holiday or outside the calendar.</summary>
    public SchoolTerm? Find(DateOnly date) => Terms.FirstOrDefault(t => t.Contains(date));

    /// <summary>
    /// The term now in progress; in a holiday, the term that has just ended (so absence imported after the last day
    /// of term still counts for that term); null before the first term starts.
    /// </summary>
    public SchoolTerm? CurrentOrLatest(DateOnly today) => Terms.LastOrDefault(t => t.Start <= today);
}

namespace HealthGuideBot.Core.Referrals.Parsing;

/// <summary>
/// Today's date where the school is (Europe/London), from the injected <see cref="TimeProvider"/>: relative answers
/// such as "yesterday" and "3 weeks ago" are counted from it, so a message sent at 00:30 in British Summer Time
/// means the UK day, not the UTC one (anchors.md D5).
/// </summary>
public static class SchoolCalendar
{
    private static readonly TimeZoneInfo London = FindLondon();

    public static TimeZoneInfo TimeZone => London;

    public static DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), London).DateTime);
    }

    private static TimeZoneInfo FindLondon()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            // Windows without ICU time zone ids.
            return TimeZoneInfo.FindSystemTimeZoneById("GMT Standard Time");
        }
    }
}

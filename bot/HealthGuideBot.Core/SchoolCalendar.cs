namespace HealthGuideBot.Core;

/// <summary>
/// The school's clock: today's date where the school is (Europe/London), from the injected <see cref="TimeProvider"/>.
/// Every "today" staff mean (a plan's date, a referral's "3 weeks ago", the attendance term, "acknowledged on") comes
/// from here, so a message sent at 00:30 in British Summer Time means the UK day, not the UTC one (anchors.md D5).
/// </summary>
public static class SchoolCalendar
{
    private static readonly TimeZoneInfo London = FindLondon();

    /// <summary>Europe/London (GMT/BST).</summary>
    public static TimeZoneInfo TimeZone => London;

    public static DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), London).DateTime);
    }

    /// <summary>The IANA id on Linux and with ICU on Windows; the Windows id otherwise.</summary>
    private static TimeZoneInfo FindLondon() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var london) ? london
        : TimeZoneInfo.TryFindSystemTimeZoneById("GMT Standard Time", out var gmt) ? gmt
        : throw new InvalidOperationException("The Europe/London time zone is not installed (install tzdata).");
}

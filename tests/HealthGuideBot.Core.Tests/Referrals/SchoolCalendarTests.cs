using HealthGuideBot.Core;
using HealthGuideBot.Core.Referrals.Parsing;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Core.Tests.Referrals;

public sealed class SchoolCalendarTests
{
    [Fact]
    public void Today_IsTheUkDate_InBritishSummerTime()
    {
        // 23:30 UTC on 14 June is 00:30 on 15 June in London (BST): "yesterday" then means 14 June.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 14, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 6, 15), SchoolCalendar.Today(clock));
        Assert.Equal(new DateOnly(2026, 6, 14), UkDateParser.Parse("yesterday", SchoolCalendar.Today(clock)));
    }

    [Fact]
    public void Today_IsTheUtcDate_InWinter()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 14, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 12, 14), SchoolCalendar.Today(clock));
    }
}

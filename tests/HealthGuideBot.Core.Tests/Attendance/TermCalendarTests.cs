using HealthGuideBot.Core.Attendance;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Core.Tests.Attendance;

public sealed class TermCalendarTests
{
    private static readonly TermCalendar Calendar = new(
    [
        new SchoolTerm("autumn", "Autumn", new DateOnly(2026, 9, 2), new DateOnly(2026, 12, 18)),
        new SchoolTerm("spring", "Spring", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 25)),
    ]);

    [Theory]
    [InlineData("2026-09-02", "autumn")]
    [InlineData("2026-12-18", "autumn")]
    [InlineData("2026-12-25", "autumn")] // the Christmas holiday: the term just ended
    [InlineData("2027-01-04", "spring")]
    [InlineData("2027-08-01", "spring")]
    public void CurrentOrLatest_IsTheTermInProgress_OrTheOneJustEnded(string today, string expected)
    {
        Assert.Equal(expected, Calendar.CurrentOrLatest(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))?.Id);
    }

    [Fact]
    public void CurrentOrLatest_IsNull_BeforeTheFirstTerm() => Assert.Null(Calendar.CurrentOrLatest(new DateOnly(2026, 8, 31)));

    [Fact]
    public void Calendar_RejectsOverlappingTerms()
    {
        Assert.Throws<ArgumentException>(() => new TermCalendar(
        [
            new SchoolTerm("a", "A", new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 20)),
            new SchoolTerm("b", "B", new DateOnly(2026, 12, 20), new DateOnly(2027, 3, 1)),
        ]));
    }

    [Fact]
    public void From_UsesTheSampleYear_WhenNoTermsAreConfigured_AndTheStartDateAsADefaultId()
    {
        var defaults = TermCalendar.From(new AttendanceOptions());
        var configured = TermCalendar.From(new AttendanceOptions { Terms = [new() { Start = new DateOnly(2026, 9, 3), End = new DateOnly(2026, 12, 17) }] });

        Assert.Equal(TermCalendar.DefaultTerms, defaults.Terms);
        Assert.Equal("2026-09-03", configured.Terms.Single().Id);
    }

    [Fact]
    public void Today_IsTheUkDate()
    {
        // 23:30 UTC on 1 June is 00:30 on 2 June in London (BST).
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 6, 1, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2027, 6, 2), TermCalendar.Today(time));
    }
}

using HealthGuideBot.Core.Referrals.Parsing;

namespace HealthGuideBot.Core.Tests.Referrals;

public sealed class UkDateParserTests
{
    /// <summary>Friday 27 November 2026.</summary>
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData("14/03/2026", 2026, 3, 14)]
    [InlineData("14/3/26", 2026, 3, 14)]
    [InlineData("14-03-2026", 2026, 3, 14)]
    [InlineData("14.03.2026", 2026, 3, 14)]
    [InlineData("2026-03-14", 2026, 3, 14)]
    [InlineData("01/02/2026", 2026, 2, 1)] // day first, always: 1 February, not 2 January
    [InlineData("14 March 2026", 2026, 3, 14)]
    [InlineData("14th March 2026", 2026, 3, 14)]
    [InlineData("the 14th of March, 2026", 2026, 3, 14)]
    [InlineData("March 14 2026", 2026, 3, 14)]
    [InlineData("14 Mar 26", 2026, 3, 14)]
    [InlineData("3 Sept 2025", 2025, 9, 3)]
    [InlineData("September 2025", 2025, 9, 1)]
    public void Parse_ReadsExplicitDates_DayBeforeMonth(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), UkDateParser.Parse(text, Today));

    [Theory]
    [InlineData("14 March", 2026, 3, 14)] // already passed this year
    [InlineData("14/3", 2026, 3, 14)]
    [InlineData("14 December", 2025, 12, 14)] // looking back: last December, not next month
    [InlineData("since September", 2026, 9, 1)]
    [InlineData("in December", 2025, 12, 1)]
    public void Parse_DateWithoutYear_IsTheMostRecentWhenLookingBack(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), UkDateParser.Parse(text, Today, DateDirection.Past));

    [Fact]
    public void Parse_DateWithoutYear_IsTheNextWhenLookingAhead() =>
        Assert.Equal(new DateOnly(2027, 3, 14), UkDateParser.Parse("14 March", Today, DateDirection.Future));

    [Theory]
    [InlineData("today", 2026, 11, 27)]
    [InlineData("yesterday", 2026, 11, 26)]
    [InlineData("last Tuesday", 2026, 11, 24)]
    [InlineData("last friday", 2026, 11, 20)] // on a Friday, "last Friday" is a week ago
    [InlineData("on Monday", 2026, 11, 23)]
    [InlineData("Friday", 2026, 11, 27)]
    [InlineData("3 weeks ago", 2026, 11, 6)]
    [InlineData("three weeks ago", 2026, 11, 6)]
    [InlineData("about 3 weeks ago", 2026, 11, 6)]
    [InlineData("it started 2 days ago", 2026, 11, 25)]
    [InlineData("a month ago", 2026, 10, 27)]
    [InlineData("a couple of weeks ago", 2026, 11, 13)]
    [InlineData("twenty one days ago", 2026, 11, 6)]
    [InlineData("a year ago", 2025, 11, 27)]
    [InlineData("last week", 2026, 11, 20)]
    [InlineData("last month", 2026, 10, 27)]
    [InlineData("in 2 weeks", 2026, 12, 11)]
    [InlineData("start of term", 2026, 9, 1)]
    public void Parse_ReadsRelativeDates_FromTheSchoolsToday(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), UkDateParser.Parse(text, Today));

    [Theory]
    [InlineData("31/02/2026")]
    [InlineData("32 March")]
    [InlineData("13/13/2026")]
    [InlineData("a while back")]
    [InlineData("when she moved schools")]
    [InlineData("")]
    [InlineData("a few weeks ago")]
    public void Parse_ReturnsNull_ForImpossibleOrVagueDates(string text) =>
        Assert.Null(UkDateParser.Parse(text, Today));

    [Fact]
    public void Format_ReadsBackInUkStyle() =>
        Assert.Equal("14 March 2026", UkDateParser.Format(new DateOnly(2026, 3, 14)));
}

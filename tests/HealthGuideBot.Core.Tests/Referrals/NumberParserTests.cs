using HealthGuideBot.Core.Referrals.Parsing;

namespace HealthGuideBot.Core.Tests.Referrals;

public sealed class NumberParserTests
{
    [Theory]
    [InlineData("12", 12)]
    [InlineData("12 days", 12)]
    [InlineData("about 12 days so far", 12)]
    [InlineData("10.5", 10.5)]
    [InlineData("ten", 10)]
    [InlineData("Ten days", 10)]
    [InlineData("twenty-one", 21)]
    [InlineData("twenty one days", 21)]
    [InlineData("a dozen", 12)]
    [InlineData("a couple", 2)]
    [InlineData("ten and a half", 10.5)]
    [InlineData("12 and a half days", 12.5)]
    [InlineData("one hundred and five", 105)]
    [InlineData("a hundred", 100)]
    [InlineData("none", 0)]
    [InlineData("no days", 0)]
    [InlineData("zero", 0)]
    [InlineData("roughly fifteen, maybe more", 15)]
    public void Parse_ReadsDigitsAndWords(string text, double expected) =>
        Assert.Equal((decimal)expected, NumberParser.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("I'm not sure")]
    [InlineData("several")]
    public void Parse_ReturnsNull_WhenThereIsNoNumber(string text) => Assert.Null(NumberParser.Parse(text));
}

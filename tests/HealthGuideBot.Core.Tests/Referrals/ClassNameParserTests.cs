using HealthGuideBot.Core.Referrals.Parsing;

namespace HealthGuideBot.Core.Tests.Referrals;

public sealed class ClassNameParserTests
{
    [Theory]
    [InlineData("5B", "5B")]
    [InlineData("5b", "5B")]
    [InlineData("5 b", "5B")]
    [InlineData("class 5B", "5B")]
    [InlineData("she's in 5B", "5B")]
    [InlineData("Year 5", "Year 5")]
    [InlineData("year5", "Year 5")]
    [InlineData("Y5", "Year 5")]
    [InlineData("Yr 10", "Year 10")]
    [InlineData("year 6 a", "6A")]
    [InlineData("10-SM", "10SM")]
    [InlineData("Reception", "Reception")]
    [InlineData("rec", "Reception")]
    [InlineData("nursery", "Nursery")]
    [InlineData("Oak class", "Oak")]
    [InlineData("willow", "Willow")]
    public void Parse_NormalisesClassNames(string text, string expected) => Assert.Equal(expected, ClassNameParser.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("I don't know which class")]
    [InlineData("year 15")]
    [InlineData("123")]
    public void Parse_ReturnsNull_WhenNotAClass(string text) => Assert.Null(ClassNameParser.Parse(text));
}

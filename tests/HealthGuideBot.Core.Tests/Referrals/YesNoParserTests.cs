using HealthGuideBot.Core.Referrals.Parsing;

namespace HealthGuideBot.Core.Tests.Referrals;

public sealed class YesNoParserTests
{
    [Theory]
    [InlineData("yes")]
    [InlineData("Yes.")]
    [InlineData("yep")]
    [InlineData("Yeah, they have")]
    [InlineData("y")]
    [InlineData("of course")]
    [InlineData("sure")]
    [InlineData("They have agreed")]
    [InlineData("absolutely!")]
    [InlineData("OK")]
    public void Parse_ReadsYes(string text) => Assert.True(YesNoParser.Parse(text));

    [Theory]
    [InlineData("no")]
    [InlineData("No thanks")]
    [InlineData("nope")]
    [InlineData("nah")]
    [InlineData("not yet")]
    [InlineData("They haven't")]
    [InlineData("they don’t")]
    [InlineData("n")]
    [InlineData("no, she isn't")]
    public void Parse_ReadsNo(string text) => Assert.False(YesNoParser.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("not sure")]
    [InlineData("maybe")]
    [InlineData("I don't know")]
    [InlineData("the parents are divorced")]
    [InlineData("nobody asked")] // "no" must be a whole word
    public void Parse_ReturnsNull_WhenNeither(string text) => Assert.Null(YesNoParser.Parse(text));
}

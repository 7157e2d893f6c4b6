using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.BotFramework.Tests.Turns;

public sealed class TextSanitizerTests
{
    [Theory]
    [Trait("Security", "B33")]
    [InlineData("he\u200Blp", "help")] // zero-width space
    [InlineData("as\u200Dthma", "asthma")] // zero-width joiner
    [InlineData("call\uFE0F 999", "call 999")] // variation selector
    [InlineData("\u202Eevil", "evil")] // right-to-left override
    [InlineData("ok\U000E0041\U000E0042", "ok")] // tag block characters (hidden ASCII)
    [InlineData("line\u0000break", "linebreak")] // control character
    public void RemoveInvisible_StripsHiddenCharacters(string input, string expected) =>
        Assert.Equal(expected, TextSanitizer.RemoveInvisible(input));

    [Fact]
    public void RemoveInvisible_KeepsVisibleTextLineBreaksAndEmoji()
    {
        const string text = "Café, naïve 😀\nsecond line\ttab";

        Assert.Same(text, TextSanitizer.RemoveInvisible(text));
    }
}

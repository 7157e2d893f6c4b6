using HealthGuideBot.Core.Referrals;
using HealthGuideBot.Core.Referrals.Parsing;

namespace HealthGuideBot.Core.Tests.Referrals;

public sealed class ChoiceMatcherTests
{
    private static readonly QuestionChoice[] Evidence =
    [
        new("consultant", "A consultant (paediatrician or hospital specialist)"),
        new("camhs", "CAMHS"),
        new("school-medical-officer", "The school medical officer"),
        new("gp-only", "A GP letter only", "not enough"),
        new("none", "None yet", "needed"),
    ];

    [Theory]
    [InlineData("CAMHS", "camhs")]
    [InlineData("camhs", "camhs")]
    [InlineData("2", "camhs")]
    [InlineData("consultant", "consultant")]
    [InlineData("the school medical officer", "school-medical-officer")]
    [InlineData("A GP letter only", "gp-only")]
    [InlineData("paediatrician", "consultant")]
    [InlineData("none yet", "none")]
    public void Match_FindsTheChoice(string text, string expected) => Assert.Equal(expected, ChoiceMatcher.Match(text, Evidence)?.Value);

    [Theory]
    [InlineData("")]
    [InlineData("9")]
    [InlineData("the dentist")]
    [InlineData("a")] // too short to mean anything
    public void Match_ReturnsNull_WhenNothingFits(string text) => Assert.Null(ChoiceMatcher.Match(text, Evidence));

    [Fact]
    public void Match_MapsYesAndNo_ToYesNoChoices()
    {
        QuestionChoice[] choices = [new("yes", "Yes, fast-track"), new("no", "No, the usual timescale")];
        Assert.Equal("yes", ChoiceMatcher.Match("yep", choices)?.Value);
        Assert.Equal("no", ChoiceMatcher.Match("no thanks", choices)?.Value);
    }
}

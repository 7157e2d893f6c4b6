using HealthGuideBot.Core.Referrals.Parsing;

namespace HealthGuideBot.Core.Tests.Referrals;

public sealed class RiskScreenTests
{
    [Theory]
    [InlineData("She told me she wants to die")]
    [InlineData("he has been having suicidal thoughts")]
    [InlineData("Sam said his dad hits him when he's late")]
    [InlineData("she has been cutting herself")]
    [InlineData("He said he is going to hurt his sister")]
    [InlineData("She disclosed abuse at home")]
    [InlineData("he doesn't feel safe; he is scared to go home")]
    [InlineData("self-harming since the summer")]
    [InlineData("took an overdose last night")]
    [InlineData("he said he would kill himself")]
    [InlineData("brought a knife into school")]
    [InlineData("unexplained bruises on her arms")]
    public void IndicatesRisk_IsTrue_ForAnswersThatRevealHarm(string text) => Assert.True(RiskScreen.IndicatesRisk(text));

    [Theory]
    [InlineData("Low mood, withdrawn from friends, not sleeping well")]
    [InlineData("Anxiety about tests; refuses to come into class in the morning")]
    [InlineData("Struggles with reading and writing")]
    [InlineData("The parents would like support with routines")]
    [InlineData("")]
    public void IndicatesRisk_IsFalse_ForOrdinaryConcerns(string text) => Assert.False(RiskScreen.IndicatesRisk(text));
}

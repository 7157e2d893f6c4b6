using HealthGuideBot.Core.HealthcarePlans;

namespace HealthGuideBot.Core.Tests.HealthcarePlans;

public sealed class PlanLookupPhraseTests
{
    [Theory]
    [InlineData("does Sam have a healthcare plan?", "Sam")]
    [InlineData("Does Sam Taylor have an individual healthcare plan", "Sam Taylor")]
    [InlineData("has Sam got an IHP", "Sam")]
    [InlineData("has Amira got a care plan?", "Amira")]
    [InlineData("show Sam's emergency plan", "Sam")]
    [InlineData("show me Sam Taylor's emergency care plan please", "Sam Taylor")]
    [InlineData("Show Sam’s care plan", "Sam")]
    [InlineData("Sam's care plan", "Sam")]
    [InlineData("Leo Novak's IHP?", "Leo Novak")]
    [InlineData("what's Priya's emergency plan", "Priya")]
    [InlineData("is there a care plan for Oliver Brown", "Oliver Brown")]
    [InlineData("show the emergency plan for Sam", "Sam")]
    [InlineData("open Chris' healthcare plan", "Chris")]
    [InlineData("show Aoife O'Neil's emergency summary", "Aoife O'Neil")]
    [InlineData("can you show Sam's care plan on a page", "Sam")]
    public void TryParse_FindsThePupilName_InALookup(string message, string expected)
    {
        Assert.True(PlanLookupPhrase.TryParse(message, out var name));
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("Sam is having an asthma attack")]
    [InlineData("Sam's having an asthma attack, show his emergency plan")]
    [InlineData("show his emergency plan")]
    [InlineData("does he have a care plan")]
    [InlineData("does the school have a care plan policy")]
    [InlineData("what is an individual healthcare plan")]
    [InlineData("who writes care plans")]
    [InlineData("new healthcare plan")]
    [InlineData("create an IHP for Sam")]
    [InlineData("show the emergency plan")]
    [InlineData("")]
    public void TryParse_RefusesMessagesThatAreNotOnlyALookup(string message)
    {
        Assert.False(PlanLookupPhrase.TryParse(message, out _));
    }
}

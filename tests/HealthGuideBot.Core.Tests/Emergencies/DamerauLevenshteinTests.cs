using HealthGuideBot.Core.Emergencies;

namespace HealthGuideBot.Core.Tests.Emergencies;

public sealed class DamerauLevenshteinTests
{
    [Theory]
    [InlineData("seizure", "seizure", 0)]
    [InlineData("siezure", "seizure", 1)]
    [InlineData("choaking", "choking", 1)]
    [InlineData("asthma", "astmha", 1)]
    [InlineData("asthma", "athsma", 2)]
    [InlineData("colapsed", "collapsed", 1)]
    [InlineData("anafalaxis", "anafylaxis", 1)]
    [InlineData("confused", "concussed", 2)]
    public void Distance_CountsEditsIncludingTranspositions(string a, string b, int expected)
    {
        Assert.Equal(expected, DamerauLevenshtein.Distance(a, b, 3));
    }

    [Fact]
    public void Distance_StopsEarly_AboveTheMaximum()
    {
        Assert.Equal(2, DamerauLevenshtein.Distance("hypoglycaemia", "paracetamol", 1));
    }
}

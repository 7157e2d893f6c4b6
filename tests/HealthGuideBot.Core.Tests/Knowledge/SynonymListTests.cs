using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Core.Tests.Knowledge;

public sealed class SynonymListTests
{
    [Fact]
    public void Parse_ReadsGroups_SkippingCommentsBlankLinesAndSingleTerms()
    {
        var list = SynonymList.Parse("""
            # comment
            EpiPen, epi pen,  adrenaline   auto-injector

            fit, seizure, fit
            lonely
            """);

        Assert.Equal(2, list.Groups.Count);
        Assert.Equal(["epipen", "epi pen", "adrenaline auto-injector"], list.Groups[0]);
        Assert.Equal(["fit", "seizure"], list.Groups[1]);
    }

    [Fact]
    public void Load_ReturnsAnEmptyList_WhenTheFileIsAbsent()
    {
        Assert.Empty(SynonymList.Load(Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid())).Groups);
    }
}

using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Knowledge.Indexing;

namespace HealthGuideBot.Knowledge.Tests.Indexing;

public sealed class KnowledgeAnalyzerTests
{
    private static readonly KnowledgeAnalyzer Analyzer = KnowledgeAnalyzer.Create(SynonymList.Load(TestPaths.KnowledgeFolder));

    [Theory]
    [InlineData("seizure", "seizures")]
    [InlineData("seizure", "fitting")]
    [InlineData("fit", "convulsion")]
    [InlineData("hypoglycaemia", "low blood sugar")]
    [InlineData("EpiPen", "adrenaline auto-injector")]
    [InlineData("behaviour", "behavior")]
    [InlineData("paediatric", "pediatric")]
    public void Analyse_GivesEquivalentWordsACommonTerm(string first, string second)
    {
        var a = Terms(first);
        var b = Terms(second);

        Assert.NotEmpty(a.Intersect(b));
    }

    [Fact]
    public void Analyse_KeepsFitAndSeizureDistinctFromUnrelatedWords()
    {
        Assert.Empty(Terms("fit").Intersect(Terms("fitness")));
        Assert.Empty(Terms("fitting").Intersect(Terms("fitted")));
        Assert.Empty(Terms("seizure").Intersect(Terms("seize the day")));
    }

    [Fact]
    public void Analyse_StacksAPhraseSynonymOverThePhrase_WithItsOffsets()
    {
        const string text = "Give the adrenaline auto-injector now";
        var synonym = Analyzer.Terms(text).Where(term => term.IsSynonym).MaxBy(term => term.PositionLength);

        Assert.Equal("adrenaline auto-injector", text[synonym.StartOffset..synonym.EndOffset]);
        Assert.Equal(3, synonym.PositionLength);
    }

    private static HashSet<string> Terms(string text) => Analyzer.Terms(text).Select(term => term.Term).ToHashSet();
}

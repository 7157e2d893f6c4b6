using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Knowledge.Indexing;

namespace HealthGuideBot.Knowledge.Tests.Indexing;

[Collection(SharedKnowledgeIndex.Name)]
public sealed class LuceneKnowledgeSearchTests(KnowledgeIndexFixture fixture)
{
    [Theory]
    [InlineData("can I give a pupil Calpol", "policy-medicines")]
    [InlineData("who writes an IHP", "guidance-ihp")]
    [InlineData("what happens after 15 days off sick", "pathway-health-needs")]
    [InlineData("how do I refer to CAMHS", "pathway-referrals")]
    [InlineData("THRIVE getting help", "guidance-mental-health")]
    public void Search_FindsTheRightDocumentFirst(string question, string documentId)
    {
        var result = fixture.Search.Search(question, 5);

        Assert.NotEmpty(result.Hits);
        Assert.Equal(documentId, result.Hits[0].Section.DocumentId);
    }

    [Fact]
    public void Search_FindsTheRightSection_ForWhoWritesAnIhp()
    {
        var hit = fixture.Search.Search("who writes an IHP", 1).Hits[0];

        Assert.Equal("guidance-ihp#who-writes-the-ihp", hit.Section.Id);
        Assert.Equal("Who writes the IHP", hit.Section.Heading);
    }

    [Theory]
    [InlineData("EpiPen", "adrenaline auto-injector")]
    [InlineData("adrenaline pen", "adrenaline auto-injector")]
    [InlineData("blue inhaler", "reliever")]
    [InlineData("Calpol", "paracetamol")]
    [InlineData("defib", "defibrillator")]
    public void Search_MatchesSynonyms_InTheHighlightedExcerpt(string question, string wordsInTheDocument)
    {
        var hits = fixture.Search.Search(question, 5).Hits;

        Assert.NotEmpty(hits);
        Assert.Contains(hits, hit => hit.HighlightedExcerpt.Contains(wordsInTheDocument, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("**", hits[0].HighlightedExcerpt, StringComparison.Ordinal); // only the best hit is highlighted: the others are never shown
    }

    [Fact]
    public void Search_FoldsUsSpellings_HypoglycemiaFindsHypoglycaemia()
    {
        var hits = fixture.Search.Search("hypoglycemia", 3).Hits;

        Assert.Equal("emergency-hypoglycaemia", hits[0].Section.DocumentId);
        Assert.Equal(1.0, hits[0].Coverage, 3);
    }

    [Fact]
    public void Search_TreatsQuestionTextAsWords_NeverAsQuerySyntax()
    {
        var result = fixture.Search.Search("asthma AND (\"inhaler\" OR *) title:secret -[bad", 3);

        Assert.Equal("emergency-asthma", result.Hits[0].Section.DocumentId);
    }

    [Theory]
    [InlineData("what time is the staff meeting")]
    [InlineData("   ")]
    [InlineData("what is 2+2")]
    public void Search_ReturnsNothing_WhenTheQuestionHasNoHealthWords(string question)
    {
        var result = fixture.Search.Search(question, 3);

        Assert.Empty(result.Hits);
        Assert.Equal(0, result.QueryTermCount);
    }

    [Fact]
    public void Search_CountsUnknownWords_AgainstCoverage()
    {
        var result = fixture.Search.Search("asthma zebrafish", 3);

        Assert.Equal(2, result.QueryTermCount);
        Assert.Equal(1, result.KnownQueryTermCount);
        Assert.InRange(result.Hits[0].Coverage, 0.1, 0.6);
    }

    [Theory]
    [InlineData("is this sample content approved")]
    [InlineData("must the school review approve or replace this document")]
    public void Search_NeverFindsTheSampleNotice_WhichIsNotASection(string question)
    {
        var hits = fixture.Search.Search(question, 50).Hits;

        Assert.DoesNotContain(hits, hit => hit.Section.Text.Contains("SAMPLE CONTENT", StringComparison.Ordinal));
        Assert.DoesNotContain(hits, hit => hit.Section.Heading == "Introduction");
    }

    [Fact]
    public void GetSections_ReturnsTheDocumentInOrder_WithMarkdownIntact()
    {
        var sections = fixture.Search.GetSections("emergency-asthma");

        Assert.Equal(
            ["Call 999 if", "What to do", "Signs", "After the emergency", "Spare emergency inhaler", "Preventing attacks at school"],
            sections.Select(section => section.Heading));
        Assert.StartsWith("1. Stay calm", sections[1].Text, StringComparison.Ordinal);
        Assert.Equal(sections[1].Text, fixture.Search.FindSection("emergency-asthma#what-to-do")?.Text);
        Assert.Empty(fixture.Search.GetSections("no-such-document"));
        Assert.Null(fixture.Search.FindSection("no-such-document#x"));
    }

    [Fact]
    public void Documents_HoldTheFrontMatterOfEveryFile()
    {
        var asthma = fixture.Search.FindDocument("emergency-asthma");

        Assert.Equal(17, fixture.Search.Documents.Count);
        Assert.NotNull(asthma);
        Assert.Equal("Asthma attack – what to do", asthma.Title);
        Assert.Equal(KnowledgeCategory.Emergency, asthma.Category);
        Assert.Equal(new DateOnly(2027, 11, 27), asthma.NextReview);
        Assert.False(asthma.IsApproved);
    }
}

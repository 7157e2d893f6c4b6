using HealthGuideBot.Knowledge.Indexing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Knowledge.Tests.Indexing;

public sealed class KnowledgeIndexBuilderTests : IDisposable
{
    private readonly string _knowledge = TestPaths.CopyOfKnowledgeFolder();
    private readonly string _index = TestPaths.NewTemporaryFolder();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        TestPaths.DeleteQuietly(_knowledge);
        TestPaths.DeleteQuietly(_index);
    }

    [Fact]
    public async Task Refresh_SwitchesToTheNewGeneration_WhenASchoolAddsAPolicyAndReindexes()
    {
        var builder = new KnowledgeIndexBuilder(_time, NullLogger<KnowledgeIndexBuilder>.Instance);
        var first = await builder.BuildAsync(_knowledge, _index, CancellationToken.None);
        using var search = LuceneKnowledgeSearch.Open(_index, NullLogger<LuceneKnowledgeSearch>.Instance);
        Assert.Empty(search.Search("sun cream", 3).Hits);

        Reading.DocxDocumentReaderTests.CreateDocument(Path.Combine(_knowledge, "policies", "Sun Safety Policy.docx"), withCustomProperties: true);
        _time.Advance(TimeSpan.FromMinutes(5));
        var second = await builder.BuildAsync(_knowledge, _index, CancellationToken.None);

        Assert.Equal(first.DocumentCount + 1, second.DocumentCount);
        Assert.False(search.Search("sun cream", 3).Hits.Count > 0, "The open generation must not change under a search.");
        Assert.True(search.Refresh());
        Assert.Equal("policy-sun-safety", search.Search("sun cream", 3).Hits[0].Section.DocumentId);
        Assert.False(search.Refresh());
    }

    [Fact]
    public async Task Open_RefusesAGenerationWithoutItsSectionStore()
    {
        var builder = new KnowledgeIndexBuilder(_time, NullLogger<KnowledgeIndexBuilder>.Instance);
        var built = await builder.BuildAsync(_knowledge, _index, CancellationToken.None);
        File.Delete(Path.Combine(built.GenerationPath, SectionStore.FileName));

        var error = Assert.Throws<InvalidDataException>(() => LuceneKnowledgeSearch.Open(_index, NullLogger<LuceneKnowledgeSearch>.Instance));
        Assert.Contains("rebuild", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SplitBuild_IndexesExactlyAsOneThreadDoes()
    {
        var builder = new KnowledgeIndexBuilder(_time, NullLogger<KnowledgeIndexBuilder>.Instance);
        var oneThread = Path.Combine(_index, "one");
        var split = Path.Combine(_index, "split");
        var threshold = KnowledgeIndexBuilder.ParallelBuildMinimumSections;
        try
        {
            KnowledgeIndexBuilder.ParallelBuildMinimumSections = int.MaxValue;
            await builder.BuildAsync(_knowledge, oneThread, CancellationToken.None);
            KnowledgeIndexBuilder.ParallelBuildMinimumSections = 1;
            await builder.BuildAsync(_knowledge, split, CancellationToken.None);
        }
        finally
        {
            KnowledgeIndexBuilder.ParallelBuildMinimumSections = threshold;
        }

        using var one = LuceneKnowledgeSearch.Open(oneThread, NullLogger<LuceneKnowledgeSearch>.Instance);
        using var parts = LuceneKnowledgeSearch.Open(split, NullLogger<LuceneKnowledgeSearch>.Instance);
        string[] questions = ["can I give a pupil Calpol", "who writes an IHP", "how do I refer to CAMHS", "inhaler", "school trips medicines"];
        foreach (var question in questions)
        {
            var expected = one.Search(question, 8).Hits;
            var actual = parts.Search(question, 8).Hits;
            Assert.NotEmpty(expected);
            Assert.Equal(
                expected.Select(hit => (hit.Section.Id, hit.Score, hit.Coverage, hit.HighlightedExcerpt)),
                actual.Select(hit => (hit.Section.Id, hit.Score, hit.Coverage, hit.HighlightedExcerpt)));
        }
    }

    [Fact]
    public async Task BuildAsync_LeavesTheLiveIndexAlone_WhenADocumentIsMalformed()
    {
        var builder = new KnowledgeIndexBuilder(_time, NullLogger<KnowledgeIndexBuilder>.Instance);
        await builder.BuildAsync(_knowledge, _index, CancellationToken.None);
        var live = await File.ReadAllTextAsync(Path.Combine(_index, KnowledgeIndexFields.CurrentFile));
        await File.WriteAllTextAsync(Path.Combine(_knowledge, "policies", "broken.md"), "no front matter");
        await File.WriteAllTextAsync(
            Path.Combine(_knowledge, "policies", "copy.md"),
            (await File.ReadAllTextAsync(Path.Combine(_knowledge, "policies", "policy-medicines.md"))));

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => builder.BuildAsync(_knowledge, _index, CancellationToken.None));

        Assert.Contains("broken.md", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'policy-medicines' is used by", exception.Message, StringComparison.Ordinal);
        Assert.Equal(live, await File.ReadAllTextAsync(Path.Combine(_index, KnowledgeIndexFields.CurrentFile)));
    }

    [Fact]
    public async Task BuildAsync_RejectsAnEmergencyDocumentWithoutNumberedSteps()
    {
        var path = Path.Combine(_knowledge, "emergencies", "emergency-choking.md");
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("## What to do", "## What we do", StringComparison.Ordinal));
        var builder = new KnowledgeIndexBuilder(_time, NullLogger<KnowledgeIndexBuilder>.Instance);

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => builder.BuildAsync(_knowledge, _index, CancellationToken.None));

        Assert.Contains("emergency-choking", exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_index, KnowledgeIndexFields.CurrentFile)));
    }
}

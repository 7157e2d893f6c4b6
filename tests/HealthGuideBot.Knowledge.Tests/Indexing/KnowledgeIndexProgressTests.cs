using HealthGuideBot.Knowledge.Indexing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Knowledge.Tests.Indexing;

/// <summary>The progress an index build reports for the <c>index</c> command's bar.</summary>
public sealed class KnowledgeIndexProgressTests : IDisposable
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
    public async Task Progress_CountsOnlyGrow_StagesGoInOrder_AndTheLastReportIsTheTotal()
    {
        var reports = new RecordingProgress();
        var builder = new KnowledgeIndexBuilder(_time, NullLogger<KnowledgeIndexBuilder>.Instance);

        var result = await builder.BuildAsync(_knowledge, _index, reports, CancellationToken.None);

        var seen = reports.Seen;
        Assert.True(seen.Count > result.SectionCount, "every section indexed is reported");
        for (var i = 1; i < seen.Count; i++)
        {
            Assert.True(seen[i].Stage >= seen[i - 1].Stage, $"stage went back at report {i}");
            Assert.True(seen[i].DocumentsRead >= seen[i - 1].DocumentsRead, $"documents read went down at report {i}");
            Assert.True(seen[i].SectionsIndexed >= seen[i - 1].SectionsIndexed || seen[i].Stage > seen[i - 1].Stage, $"sections went down at report {i}");
            Assert.InRange(seen[i].DocumentsRead, 0, seen[i].DocumentsTotal);
            Assert.InRange(seen[i].SectionsIndexed, 0, seen[i].SectionsTotal);
        }

        Assert.Equal(new KnowledgeIndexProgress(KnowledgeIndexStage.Reading, 0, result.DocumentCount, 0, 0), seen[0]);
        Assert.Equal(
            new KnowledgeIndexProgress(KnowledgeIndexStage.Done, result.DocumentCount, result.DocumentCount, result.SectionCount, result.SectionCount),
            seen[^1]);
        Assert.Equal(result.DocumentCount, seen.Count(p => p.Stage == KnowledgeIndexStage.Reading) - 1);
        Assert.Equal(result.SectionCount, seen.Count(p => p.Stage == KnowledgeIndexStage.Indexing) - 1);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task AFileThatIsNotADocument_IsAWarning_AndNotCountedAsADocumentToRead()
    {
        await File.WriteAllTextAsync(Path.Combine(_knowledge, "minutes.xlsx"), "not a document");
        var reports = new RecordingProgress();
        var builder = new KnowledgeIndexBuilder(_time, NullLogger<KnowledgeIndexBuilder>.Instance);

        var result = await builder.BuildAsync(_knowledge, _index, reports, CancellationToken.None);

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("minutes.xlsx", warning, StringComparison.Ordinal);
        Assert.Equal(result.DocumentCount, reports.Seen[0].DocumentsTotal);
    }

    /// <summary>Synchronous, in order (Progress&lt;T&gt; would post to the thread pool and could reorder).</summary>
    private sealed class RecordingProgress : IProgress<KnowledgeIndexProgress>
    {
        public List<KnowledgeIndexProgress> Seen { get; } = [];

        public void Report(KnowledgeIndexProgress value) => Seen.Add(value);
    }
}

using BenchmarkDotNet.Attributes;
using HealthGuideBot.Knowledge.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthGuideBot.Benchmarks;

/// <summary>
/// Building the index from a 10,000-section knowledge folder (read Markdown, validate, analyse, write, force-merge,
/// switch CURRENT), and opening the live generation up to the first answered search.
/// Targets (performance.md): build ≤ 250 ms per 1,000 sections (≤ 2.5 s here); open ≤ 50 ms.
/// </summary>
[MemoryDiagnoser]
[ColdJob]
public class IndexBenchmarks : IDisposable
{
    private const int Sections = 10_000;

    private CorpusLocation? _corpus;
    private string _buildRoot = string.Empty;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _corpus = await SyntheticCorpus.EnsureAsync(Sections, Console.WriteLine);
        _buildRoot = Path.Combine(RepoPaths.CacheFolder, "build-" + Guid.NewGuid().ToString("N")[..8]);
    }

    /// <summary>A full build of 10,000 sections; divide by 10 for the per-1,000 figure.</summary>
    [Benchmark]
    public async Task<int> Build10000Sections()
    {
        var builder = new KnowledgeIndexBuilder(TimeProvider.System, NullLogger<KnowledgeIndexBuilder>.Instance);
        var result = await builder.BuildAsync(Corpus.KnowledgeFolder, _buildRoot, CancellationToken.None);
        return result.SectionCount;
    }

    /// <summary>Open the built index (CURRENT, synonyms, analyser, SearcherManager, document list) and answer one question.</summary>
    [Benchmark]
    public int OpenAndFirstSearch()
    {
        using var search = LuceneKnowledgeSearch.Open(Corpus.IndexRoot, NullLogger<LuceneKnowledgeSearch>.Instance);
        return search.Search("who can give paracetamol to a pupil", 8).Hits.Count;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        if (Directory.Exists(_buildRoot))
        {
            Directory.Delete(_buildRoot, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private CorpusLocation Corpus => _corpus ?? throw new InvalidOperationException("GlobalSetup has not run.");
}

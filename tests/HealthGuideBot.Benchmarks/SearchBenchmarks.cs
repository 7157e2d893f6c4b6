using BenchmarkDotNet.Attributes;
using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Knowledge.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthGuideBot.Benchmarks;

/// <summary>
/// <see cref="LuceneKnowledgeSearch.Search"/> as the question answerer calls it (8 hits, highlights, coverage) over
/// a synthetic corpus, rotating through ~250 real staff messages so no cache can serve them all.
/// Targets (performance.md), 10,000 sections: one thread p50 ≤ 1 ms, p99 ≤ 2.5 ms; two threads ≥ 1,300 queries/s
/// (≤ 1.54 ms per query in <see cref="TwoThreads"/>). 100,000 sections: p99 ≤ 15 ms.
/// Percentiles per query come from the latency mode (<c>-- --latency</c>); the columns here are per-iteration statistics.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks : IDisposable
{
    private const int MaxHits = 8;
    private const int Batch = 256;

    private LuceneKnowledgeSearch? _search;
    private string[] _questions = [];
    private int _next;

    [Params(10_000, 100_000)]
    public int Sections { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var corpus = await SyntheticCorpus.EnsureAsync(Sections, Console.WriteLine);
        _search = LuceneKnowledgeSearch.Open(corpus.IndexRoot, NullLogger<LuceneKnowledgeSearch>.Instance);
        _questions = QuestionSets.All;
    }

    /// <summary>One query on one thread, the next question each call.</summary>
    [Benchmark]
    public KnowledgeSearchResult OneThread()
    {
        var question = _questions[_next];
        _next = (_next + 1) % _questions.Length;
        return Search.Search(question, MaxHits);
    }

    /// <summary>256 queries shared by two threads; reported per query, so 1 / mean is the two-thread throughput.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int TwoThreads()
    {
        var start = _next;
        _next = (_next + Batch) % _questions.Length;
        var hits = 0;
        Parallel.For(
            0,
            2,
            new ParallelOptions { MaxDegreeOfParallelism = 2 },
            thread =>
            {
                var found = 0;
                for (var i = thread; i < Batch; i += 2)
                {
                    found += Search.Search(_questions[(start + i) % _questions.Length], MaxHits).Hits.Count;
                }

                Interlocked.Add(ref hits, found);
            });
        return hits;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _search?.Dispose();
        _search = null;
        GC.SuppressFinalize(this);
    }

    private LuceneKnowledgeSearch Search => _search ?? throw new InvalidOperationException("GlobalSetup has not run.");
}

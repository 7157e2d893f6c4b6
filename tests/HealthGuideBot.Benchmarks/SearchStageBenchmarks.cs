using BenchmarkDotNet.Attributes;
using HealthGuideBot.Knowledge.Indexing;
using Lucene.Net.Index;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthGuideBot.Benchmarks;

/// <summary>
/// Where a search's time goes, over the 10,000-section corpus and the same rotating questions as
/// <see cref="SearchBenchmarks"/>: each benchmark adds one stage of <see cref="LuceneKnowledgeSearch.Search"/> to the
/// previous one (query plan → Lucene top-8 → section store reads → coverage from the question terms' postings → re-analysis of the hits' text →
/// highlights, i.e. the full search). Differences between rows are the cost of each stage.
/// </summary>
[MemoryDiagnoser]
public class SearchStageBenchmarks : IDisposable
{
    private const int Sections = 10_000;
    private const int MaxHits = 8;

    private KnowledgeIndexGeneration? _generation;
    private LuceneKnowledgeSearch? _search;
    private string[] _questions = [];
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var corpus = await SyntheticCorpus.EnsureAsync(Sections, Console.WriteLine);
        _generation = KnowledgeIndexGeneration.Open(corpus.IndexRoot, KnowledgeIndexGeneration.ReadCurrentName(corpus.IndexRoot)!);
        _search = LuceneKnowledgeSearch.Open(corpus.IndexRoot, NullLogger<LuceneKnowledgeSearch>.Instance);
        _questions = QuestionSets.All;
    }

    [Benchmark(Baseline = true)]
    public int Plan() => Stages(1);

    [Benchmark]
    public int PlanTopHits() => Stages(2);

    [Benchmark]
    public int PlanTopHitsStoredFields() => Stages(3);

    [Benchmark]
    public int PlanTopHitsStoredFieldsCoverage() => Stages(4);

    /// <summary>Stage 4 plus re-analysing every hit's text with the knowledge analyser: the tokenising part of highlighting.</summary>
    [Benchmark]
    public int PlanTopHitsStoredFieldsCoverageAnalysis() => Stages(5);

    [Benchmark]
    public int FullSearch() => (_search ?? throw new InvalidOperationException("GlobalSetup has not run.")).Search(NextQuestion(), MaxHits).Hits.Count;

    [GlobalCleanup]
    public void Dispose()
    {
        _search?.Dispose();
        _generation?.Dispose();
        _search = null;
        _generation = null;
        GC.SuppressFinalize(this);
    }

    private int Stages(int stages)
    {
        var generation = _generation ?? throw new InvalidOperationException("GlobalSetup has not run.");
        var searcher = generation.Manager.Acquire();
        try
        {
            var plan = QueryPlan.Create(NextQuestion(), generation.Analyzer, searcher.IndexReader, generation.SectionCount);
            if (plan is null || stages < 2)
            {
                return plan?.PositionCount ?? 0;
            }

            var top = searcher.Search(plan.Query, MaxHits);
            var work = top.ScoreDocs.Length;
            var docIds = Array.ConvertAll(top.ScoreDocs, scoreDoc => scoreDoc.Doc);
            if (stages >= 3)
            {
                // As LuceneKnowledgeSearch: the slot doc value, then one read of the section store per hit.
                var leaves = searcher.IndexReader.Leaves;
                foreach (var doc in docIds)
                {
                    var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
                    var slot = (int)leaf.AtomicReader.GetNumericDocValues(KnowledgeIndexFields.Slot).Get(doc - leaf.DocBase);
                    var section = generation.Store.Read(slot);
                    work += section.Text.Length;
                    if (stages >= 5)
                    {
                        work += generation.Analyzer.Terms(MarkdownText.Plain(section.Text)).Count;
                    }
                }
            }

            if (stages >= 4)
            {
                foreach (var terms in plan.MatchedTerms(searcher.IndexReader, docIds))
                {
                    work += (int)(100 * plan.Coverage(terms));
                }
            }

            return work;
        }
        finally
        {
            generation.Manager.Release(searcher);
        }
    }

    private string NextQuestion()
    {
        var question = _questions[_next];
        _next = (_next + 1) % _questions.Length;
        return question;
    }
}

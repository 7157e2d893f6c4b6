using BenchmarkDotNet.Attributes;
using HealthGuideBot.Knowledge.Indexing;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthGuideBot.Benchmarks;

/// <summary>
/// Where a search's time goes, over the 10,000-section corpus and the same rotating questions as
/// <see cref="SearchBenchmarks"/>: each benchmark adds one stage of <see cref="LuceneKnowledgeSearch.Search"/> to the
/// previous one (query plan → Lucene top-8 → stored fields → term vectors and coverage → re-analysis of the hits' text →
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
    public int PlanTopHitsStoredFieldsTermVectors() => Stages(4);

    /// <summary>Stage 4 plus re-analysing each hit's text with the knowledge analyser: the tokenising part of highlighting.</summary>
    [Benchmark]
    public int PlanTopHitsStoredFieldsTermVectorsAnalysis() => Stages(5);

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
            foreach (var scoreDoc in stages >= 3 ? top.ScoreDocs : [])
            {
                work += searcher.Doc(scoreDoc.Doc).Fields.Count;
                if (stages >= 4)
                {
                    work += (int)(100 * plan.Coverage(SectionTerms(searcher, scoreDoc)));
                }

                if (stages >= 5)
                {
                    var text = MarkdownText.Plain(searcher.Doc(scoreDoc.Doc).Get(KnowledgeIndexFields.Text, System.Globalization.CultureInfo.InvariantCulture));
                    work += generation.Analyzer.Terms(text).Count;
                }
            }

            return work;
        }
        finally
        {
            generation.Manager.Release(searcher);
        }
    }

    // As LuceneKnowledgeSearch.SectionTerms.
    private static HashSet<string> SectionTerms(IndexSearcher searcher, ScoreDoc scoreDoc)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var vectors = searcher.IndexReader.GetTermVectors(scoreDoc.Doc);
        foreach (var field in (string[])[KnowledgeIndexFields.Title, KnowledgeIndexFields.Heading, KnowledgeIndexFields.Body])
        {
            var enumerator = vectors?.GetTerms(field)?.GetEnumerator();
            while (enumerator is not null && enumerator.MoveNext())
            {
                terms.Add(enumerator.Term.Utf8ToString());
            }
        }

        return terms;
    }

    private string NextQuestion()
    {
        var question = _questions[_next];
        _next = (_next + 1) % _questions.Length;
        return question;
    }
}

using HealthGuideBot.Core.Knowledge;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>
/// <see cref="IKnowledgeSearch"/> over the live index generation: BM25, searchers shared through
/// <see cref="SearcherManager"/> (acquire/release, no lock or semaphore around searches), title and heading boosted,
/// highlights in <c>**bold**</c>. <see cref="Refresh"/> switches to a newer generation when the builder has made one.
/// </summary>
public sealed partial class LuceneKnowledgeSearch : IKnowledgeSearch, IDisposable
{
    private const int WholeSectionCharacters = 1500;
    private const int FragmentCharacters = 400;
    private const int FragmentCount = 2;
    private const string FragmentSeparator = " … ";
    private const string HighlightStart = "**";
    private const string HighlightEnd = "**";

    private readonly string _indexRoot;
    private readonly ILogger<LuceneKnowledgeSearch> _logger;
    private readonly Lock _refreshLock = new();
    private KnowledgeIndexGeneration _generation;
    private bool _disposed;

    private LuceneKnowledgeSearch(string indexRoot, KnowledgeIndexGeneration generation, ILogger<LuceneKnowledgeSearch> logger)
    {
        _indexRoot = indexRoot;
        _generation = generation;
        _logger = logger;
    }

    public IReadOnlyList<KnowledgeDocument> Documents => Volatile.Read(ref _generation).DocumentList;

    /// <summary>The live generation's folder name.</summary>
    public string GenerationName => Volatile.Read(ref _generation).Name;

    /// <summary>Opens the live generation under <paramref name="indexRoot"/> (built by <see cref="KnowledgeIndexBuilder"/>).</summary>
    public static LuceneKnowledgeSearch Open(string indexRoot, ILogger<LuceneKnowledgeSearch> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexRoot);
        ArgumentNullException.ThrowIfNull(logger);
        var name = KnowledgeIndexGeneration.ReadCurrentName(indexRoot)
            ?? throw new FileNotFoundException($"No knowledge index in '{indexRoot}': build one with KnowledgeIndexBuilder first.");
        var generation = KnowledgeIndexGeneration.Open(indexRoot, name);
        Log.IndexOpened(logger, name, generation.DocumentList.Count, generation.SectionCount);
        return new LuceneKnowledgeSearch(indexRoot, generation, logger);
    }

    /// <summary>Switches to the generation named in <c>CURRENT</c> if it is newer; true when it switched.</summary>
    public bool Refresh()
    {
        lock (_refreshLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var name = KnowledgeIndexGeneration.ReadCurrentName(_indexRoot);
            var old = _generation;
            if (name is null || string.Equals(name, old.Name, StringComparison.Ordinal))
            {
                return false;
            }

            var next = KnowledgeIndexGeneration.Open(_indexRoot, name);
            Volatile.Write(ref _generation, next);

            // Searches holding the old searcher keep their reader open until they release it (reference counted).
            old.Dispose();
            Log.IndexSwitched(_logger, old.Name, name);
            return true;
        }
    }

    public KnowledgeSearchResult Search(string query, int maxHits)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxHits);
        if (string.IsNullOrWhiteSpace(query))
        {
            return KnowledgeSearchResult.Empty;
        }

        var (generation, searcher) = Acquire();
        try
        {
            var plan = QueryPlan.Create(query, generation.Analyzer, searcher.IndexReader, generation.SectionCount);
            if (plan is null)
            {
                return KnowledgeSearchResult.Empty;
            }

            var top = searcher.Search(plan.Query, maxHits);
            var docIds = Array.ConvertAll(top.ScoreDocs, scoreDoc => scoreDoc.Doc);
            var matched = plan.MatchedTerms(searcher.IndexReader, docIds);
            var slots = Slots(searcher.IndexReader, docIds);
            var hits = new List<KnowledgeHit>(top.ScoreDocs.Length);
            for (var i = 0; i < top.ScoreDocs.Length; i++)
            {
                var section = generation.Store.Read(slots[i]);
                // Only the best hit's excerpt is ever shown (answers quote it; "did you mean" shows titles), and
                // highlighting re-analyses the text: about 60% of a search when every hit had it. The others get the
                // plain excerpt.
                var excerpt = hits.Count == 0 ? Highlight(generation, plan, section) : PlainExcerpt(section);
                hits.Add(new KnowledgeHit(section, top.ScoreDocs[i].Score, excerpt, plan.Coverage(matched[i])));
            }

            return new KnowledgeSearchResult(hits, plan.PositionCount, plan.KnownCount) { IndexedEntryCount = searcher.IndexReader.MaxDoc };
        }
        finally
        {
            Release(generation, searcher);
        }
    }

    public KnowledgeDocument? FindDocument(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        return Volatile.Read(ref _generation).Documents.GetValueOrDefault(documentId);
    }

    public KnowledgeSection? FindSection(string sectionId)
    {
        ArgumentNullException.ThrowIfNull(sectionId);
        return Find(new TermQuery(new Term(KnowledgeIndexFields.SectionId, sectionId)), 1).FirstOrDefault();
    }

    public IReadOnlyList<KnowledgeSection> GetSections(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(KnowledgeIndexFields.DocumentId, documentId)), Occur.MUST },
            { new TermQuery(new Term(KnowledgeIndexFields.Kind, KnowledgeIndexFields.SectionKind)), Occur.MUST },
        };
        return Find(query, int.MaxValue).OrderBy(section => section.Ordinal).ToArray();
    }

    public void Dispose()
    {
        lock (_refreshLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _generation.Dispose();
        }
    }

    private List<KnowledgeSection> Find(Query query, int max)
    {
        var (generation, searcher) = Acquire();
        try
        {
            var top = searcher.Search(query, Math.Min(max, Math.Max(1, searcher.IndexReader.MaxDoc)));
            var slots = Slots(searcher.IndexReader, Array.ConvertAll(top.ScoreDocs, scoreDoc => scoreDoc.Doc));
            return slots.Select(generation.Store.Read).ToList();
        }
        finally
        {
            Release(generation, searcher);
        }
    }

    /// <summary>The live generation and one of its searchers, with a reference on its section store; see <see cref="Release"/>.</summary>
    private (KnowledgeIndexGeneration Generation, IndexSearcher Searcher) Acquire()
    {
        while (true)
        {
            var generation = Volatile.Read(ref _generation);
            try
            {
                var searcher = generation.Manager.Acquire();
                if (generation.Store.TryAcquire())
                {
                    return (generation, searcher);
                }

                generation.Manager.Release(searcher);
            }
            catch (ObjectDisposedException) when (!_disposed && !ReferenceEquals(generation, Volatile.Read(ref _generation)))
            {
                // Refresh replaced this generation between the read and the acquire: use the new one.
            }

            ObjectDisposedException.ThrowIf(_disposed && ReferenceEquals(generation, Volatile.Read(ref _generation)), this);
        }
    }

    private static void Release(KnowledgeIndexGeneration generation, IndexSearcher searcher)
    {
        generation.Store.Release();
        generation.Manager.Release(searcher);
    }

    /// <summary>Each top-level doc id's record number in the section store.</summary>
    private static int[] Slots(IndexReader reader, int[] docIds)
    {
        var slots = new int[docIds.Length];
        var leaves = reader.Leaves;
        for (var i = 0; i < docIds.Length; i++)
        {
            var leaf = leaves[ReaderUtil.SubIndex(docIds[i], leaves)];
            var values = leaf.AtomicReader.GetNumericDocValues(KnowledgeIndexFields.Slot)
                ?? throw new InvalidDataException("The knowledge index has no section slots: it was built by an older version; rebuild it.");
            slots[i] = checked((int)values.Get(docIds[i] - leaf.DocBase));
        }

        return slots;
    }

    private static string Highlight(KnowledgeIndexGeneration generation, QueryPlan plan, KnowledgeSection section)
    {
        var text = MarkdownText.Plain(section.Text);
        var scorer = new QueryTermScorer(plan.HighlightTerms);
        var whole = text.Length <= WholeSectionCharacters;
        var highlighter = new Highlighter(new SimpleHTMLFormatter(HighlightStart, HighlightEnd), scorer)
        {
            TextFragmenter = whole ? new NullFragmenter() : new SimpleFragmenter(FragmentCharacters),
            MaxDocCharsToAnalyze = int.MaxValue,
        };
        try
        {
            var fragments = highlighter.GetBestFragments(generation.Analyzer, KnowledgeIndexFields.Body, text, whole ? 1 : FragmentCount);
            if (fragments.Length > 0)
            {
                return string.Join(FragmentSeparator, fragments.Select(fragment => fragment.Trim()));
            }
        }
        catch (InvalidTokenOffsetsException)
        {
            // Offsets that do not fit the text (should not happen with one analyser): fall through to plain text.
        }

        return Shorten(text);
    }

    private static string PlainExcerpt(KnowledgeSection section) => Shorten(MarkdownText.Plain(section.Text));

    private static string Shorten(string text) =>
        text.Length <= WholeSectionCharacters ? text : text[..FragmentCharacters] + FragmentSeparator.TrimEnd();

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Knowledge index {Generation} opened: {Documents} documents, {Sections} sections")]
        public static partial void IndexOpened(ILogger logger, string generation, int documents, int sections);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Knowledge index switched from {OldGeneration} to {NewGeneration}")]
        public static partial void IndexSwitched(ILogger logger, string oldGeneration, string newGeneration);
    }
}

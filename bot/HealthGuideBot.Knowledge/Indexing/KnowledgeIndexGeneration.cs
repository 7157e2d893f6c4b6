using System.Collections.Frozen;
using System.Globalization;
using HealthGuideBot.Core.Knowledge;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>
/// One immutable, opened index generation: its directory (NIOFS, never MMap), its SearcherManager, the analyser
/// built from the synonyms it was indexed with, and the document metadata held in memory.
/// </summary>
internal sealed class KnowledgeIndexGeneration : IDisposable
{
    private KnowledgeIndexGeneration(
        string name, NIOFSDirectory directory, SearcherManager manager, KnowledgeAnalyzer analyzer,
        IReadOnlyList<KnowledgeDocument> documents, int sectionCount)
    {
        Name = name;
        Directory = directory;
        Manager = manager;
        Analyzer = analyzer;
        DocumentList = documents;
        Documents = documents.ToFrozenDictionary(document => document.Id, StringComparer.Ordinal);
        SectionCount = sectionCount;
    }

    public string Name { get; }

    public NIOFSDirectory Directory { get; }

    public SearcherManager Manager { get; }

    public KnowledgeAnalyzer Analyzer { get; }

    public IReadOnlyList<KnowledgeDocument> DocumentList { get; }

    public FrozenDictionary<string, KnowledgeDocument> Documents { get; }

    public int SectionCount { get; }

    public static string? ReadCurrentName(string indexRoot)
    {
        var current = Path.Combine(indexRoot, KnowledgeIndexFields.CurrentFile);
        return File.Exists(current) ? File.ReadAllText(current).Trim() : null;
    }

    public static KnowledgeIndexGeneration Open(string indexRoot, string name)
    {
        var path = Path.Combine(indexRoot, name);
        var synonyms = SynonymList.Load(path);
        var analyzer = KnowledgeAnalyzer.Create(synonyms);
        var directory = new NIOFSDirectory(new DirectoryInfo(path));
        SearcherManager? manager = null;
        try
        {
            manager = new SearcherManager(directory, new Bm25SearcherFactory());
            var searcher = manager.Acquire();
            try
            {
                var documents = ReadDocuments(searcher);
                var sections = searcher.IndexReader.DocFreq(new Term(KnowledgeIndexFields.Kind, KnowledgeIndexFields.SectionKind));
                return new KnowledgeIndexGeneration(name, directory, manager, analyzer, documents, sections);
            }
            finally
            {
                manager.Release(searcher);
            }
        }
        catch
        {
            manager?.Dispose();
            directory.Dispose();
            analyzer.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Manager.Dispose();
        Directory.Dispose();
        Analyzer.Dispose();
    }

    private static KnowledgeDocument[] ReadDocuments(IndexSearcher searcher)
    {
        var query = new TermQuery(new Term(KnowledgeIndexFields.Kind, KnowledgeIndexFields.DocumentKind));
        var top = searcher.Search(query, Math.Max(1, searcher.IndexReader.MaxDoc));
        return top.ScoreDocs
            .Select(hit => searcher.Doc(hit.Doc))
            .Select(entry => new KnowledgeDocument(
                entry.Get(KnowledgeIndexFields.DocumentId, CultureInfo.InvariantCulture),
                entry.Get(KnowledgeIndexFields.DocumentTitle, CultureInfo.InvariantCulture),
                Enum.Parse<KnowledgeCategory>(entry.Get(KnowledgeIndexFields.Category, CultureInfo.InvariantCulture)),
                entry.Get(KnowledgeIndexFields.Owner, CultureInfo.InvariantCulture),
                DateOnly.ParseExact(entry.Get(KnowledgeIndexFields.Reviewed, CultureInfo.InvariantCulture), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly.ParseExact(entry.Get(KnowledgeIndexFields.NextReview, CultureInfo.InvariantCulture), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                entry.Get(KnowledgeIndexFields.ApprovedBy, CultureInfo.InvariantCulture),
                entry.Get(KnowledgeIndexFields.Audience, CultureInfo.InvariantCulture),
                entry.Get(KnowledgeIndexFields.CallNineNineNineFirst, CultureInfo.InvariantCulture) == "true",
                entry.Get(KnowledgeIndexFields.SourceFile, CultureInfo.InvariantCulture)))
            .OrderBy(document => document.Id, StringComparer.Ordinal)
            .ToArray();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}

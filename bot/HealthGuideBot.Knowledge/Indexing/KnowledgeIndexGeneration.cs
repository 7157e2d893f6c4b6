using System.Collections.Frozen;
using HealthGuideBot.Core.Knowledge;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>
/// One immutable, opened index generation: its directory (NIOFS, never MMap), its SearcherManager, the analyser
/// built from the synonyms it was indexed with, its <see cref="SectionStore"/> and the document metadata held in memory.
/// </summary>
internal sealed class KnowledgeIndexGeneration : IDisposable
{
    private KnowledgeIndexGeneration(
        string name, NIOFSDirectory directory, SearcherManager manager, KnowledgeAnalyzer analyzer, SectionStore store)
    {
        Name = name;
        Directory = directory;
        Manager = manager;
        Analyzer = analyzer;
        Store = store;
        DocumentList = store.Documents.OrderBy(document => document.Id, StringComparer.Ordinal).ToArray();
        Documents = DocumentList.ToFrozenDictionary(document => document.Id, StringComparer.Ordinal);
        SectionCount = store.SectionCount;
    }

    public string Name { get; }

    public NIOFSDirectory Directory { get; }

    public SearcherManager Manager { get; }

    public KnowledgeAnalyzer Analyzer { get; }

    public SectionStore Store { get; }

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
        SectionStore? store = null;
        NIOFSDirectory? directory = null;
        SearcherManager? manager = null;
        try
        {
            store = SectionStore.Open(path);
            directory = new NIOFSDirectory(new DirectoryInfo(path));
            manager = new SearcherManager(directory, new Bm25SearcherFactory());
            return new KnowledgeIndexGeneration(name, directory, manager, analyzer, store);
        }
        catch
        {
            manager?.Dispose();
            directory?.Dispose();
            store?.Release();
            analyzer.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Manager.Dispose();
        Directory.Dispose();
        Store.Release();
        Analyzer.Dispose();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Knowledge.Reading;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>
/// Builds the search index from a knowledge folder (Markdown, Word, PDF and synonyms.txt). Each build goes into a new
/// generation folder under the index root; only when it is complete does the <c>CURRENT</c> file switch to it (an
/// atomic rename), so searches never see a half-built index and a failed build leaves the old one serving.
/// Emergency documents are validated as the emergency card will read them, so a malformed one fails the build.
/// </summary>
public sealed partial class KnowledgeIndexBuilder
{
    private const int GenerationsKept = 2;

    private readonly TimeProvider _timeProvider;
    private readonly ILogger<KnowledgeIndexBuilder> _logger;

    public KnowledgeIndexBuilder(TimeProvider timeProvider, ILogger<KnowledgeIndexBuilder> logger)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Reads <paramref name="knowledgeFolder"/>, builds a new generation under <paramref name="indexRoot"/> and makes it live.</summary>
    /// <exception cref="InvalidDataException">The folder has problems (all listed); nothing was changed.</exception>
    public Task<KnowledgeIndexBuildResult> BuildAsync(string knowledgeFolder, string indexRoot, CancellationToken cancellationToken) =>
        BuildAsync(knowledgeFolder, indexRoot, progress: null, cancellationToken);

    /// <summary>As <see cref="BuildAsync(string, string, CancellationToken)"/>, reporting documents read and sections indexed.</summary>
    public async Task<KnowledgeIndexBuildResult> BuildAsync(
        string knowledgeFolder, string indexRoot, IProgress<KnowledgeIndexProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(knowledgeFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(indexRoot);
        var started = _timeProvider.GetTimestamp();
        var warnings = new List<string>();
        var documents = await new KnowledgeFolderReader(_logger).ReadAsync(knowledgeFolder, progress, warnings, cancellationToken);
        _ = EmergencyProcedureCatalog.Create(documents);
        var synonymsText = File.Exists(Path.Combine(knowledgeFolder, SynonymList.FileName))
            ? await File.ReadAllTextAsync(Path.Combine(knowledgeFolder, SynonymList.FileName), cancellationToken)
            : string.Empty;

        System.IO.Directory.CreateDirectory(indexRoot);
        var name = KnowledgeIndexFields.GenerationPrefix
            + _timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture)
            + "-" + Guid.NewGuid().ToString("N")[..8];
        var generation = Path.Combine(indexRoot, name);
        System.IO.Directory.CreateDirectory(generation);
        await File.WriteAllTextAsync(Path.Combine(generation, SynonymList.FileName), synonymsText, cancellationToken);

        var sections = Write(generation, documents, SynonymList.Parse(synonymsText), progress, cancellationToken);
        await SwitchCurrentAsync(indexRoot, name, cancellationToken);
        DeleteOldGenerations(indexRoot, name);
        progress?.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Done, documents.Count, documents.Count, sections, sections));

        var elapsed = _timeProvider.GetElapsedTime(started);
        Log.IndexBuilt(_logger, name, documents.Count, sections, elapsed.TotalMilliseconds);
        return new KnowledgeIndexBuildResult(generation, documents.Count, sections) { Warnings = warnings };
    }

    private static int Write(
        string generation,
        IReadOnlyList<KnowledgeDocumentContent> documents,
        SynonymList synonyms,
        IProgress<KnowledgeIndexProgress>? progress,
        CancellationToken cancellationToken)
    {
        var total = documents.Sum(content => content.Sections.Count);
        using var analyzer = KnowledgeAnalyzer.Create(synonyms);
        using var directory = new NIOFSDirectory(new DirectoryInfo(generation));
        var config = new IndexWriterConfig(KnowledgeAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
        };
        using var writer = new IndexWriter(directory, config);
        // Document entries first, all together: opening a generation reads every one of them, and stored fields are
        // compressed in chunks of about 16 KB, so interleaved with their sections each entry cost a chunk of its own
        // to decompress (1,000 chunks for 1,000 documents); contiguous, they share a few dozen.
        foreach (var content in documents)
        {
            writer.AddDocument(DocumentEntry(content.Document));
        }

        var sections = 0;
        progress?.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Indexing, documents.Count, documents.Count, 0, total));
        foreach (var content in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var section in content.Sections)
            {
                writer.AddDocument(SectionEntry(content.Document, section));
                sections++;
                progress?.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Indexing, documents.Count, documents.Count, sections, total));
            }
        }

        progress?.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Committing, documents.Count, documents.Count, sections, total));
        writer.ForceMerge(1);
        writer.Commit();
        return sections;
    }

    private static Document DocumentEntry(KnowledgeDocument document) =>
    [
        new StringField(KnowledgeIndexFields.Kind, KnowledgeIndexFields.DocumentKind, Field.Store.NO),
        new StringField(KnowledgeIndexFields.DocumentId, document.Id, Field.Store.YES),
        new StoredField(KnowledgeIndexFields.DocumentTitle, document.Title),
        new StoredField(KnowledgeIndexFields.Category, document.Category.ToString()),
        new StoredField(KnowledgeIndexFields.Owner, document.Owner),
        new StoredField(KnowledgeIndexFields.Reviewed, document.Reviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new StoredField(KnowledgeIndexFields.NextReview, document.NextReview.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new StoredField(KnowledgeIndexFields.ApprovedBy, document.ApprovedBy),
        new StoredField(KnowledgeIndexFields.Audience, document.Audience),
        new StoredField(KnowledgeIndexFields.CallNineNineNineFirst, document.CallNineNineNineFirst ? "true" : "false"),
        new StoredField(KnowledgeIndexFields.SourceFile, document.SourceFile),
    ];

    private static Document SectionEntry(KnowledgeDocument document, KnowledgeSection section) =>
    [
        new StringField(KnowledgeIndexFields.Kind, KnowledgeIndexFields.SectionKind, Field.Store.NO),
        new StringField(KnowledgeIndexFields.SectionId, section.Id, Field.Store.YES),
        new StringField(KnowledgeIndexFields.DocumentId, document.Id, Field.Store.YES),
        new StoredField(KnowledgeIndexFields.Ordinal, section.Ordinal),
        new StoredField(KnowledgeIndexFields.Anchor, section.Anchor),
        new StoredField(KnowledgeIndexFields.Headings, string.Join(KnowledgeIndexFields.HeadingSeparator, section.HeadingPath)),
        new StoredField(KnowledgeIndexFields.Text, section.Text),
        new Field(KnowledgeIndexFields.Title, document.Title, IndexedWithTermVector),
        new Field(KnowledgeIndexFields.Heading, string.Join(" ", section.HeadingPath), IndexedWithTermVector),
        new Field(KnowledgeIndexFields.Body, MarkdownText.Plain(section.Text), IndexedWithTermVector),
    ];

    /// <summary>Indexed text with a term vector (terms only), so a hit's coverage of the question needs no re-analysis.</summary>
    private static FieldType IndexedWithTermVector { get; } = CreateIndexedWithTermVector();

    private static FieldType CreateIndexedWithTermVector()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { StoreTermVectors = true };
        type.Freeze();
        return type;
    }

    private static async Task SwitchCurrentAsync(string indexRoot, string name, CancellationToken cancellationToken)
    {
        var current = Path.Combine(indexRoot, KnowledgeIndexFields.CurrentFile);
        var temporary = current + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        await File.WriteAllTextAsync(temporary, name, Encoding.UTF8, cancellationToken);
        File.Move(temporary, current, overwrite: true);
    }

    private void DeleteOldGenerations(string indexRoot, string live)
    {
        var old = System.IO.Directory.EnumerateDirectories(indexRoot, KnowledgeIndexFields.GenerationPrefix + "*")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name != live)
            .OrderDescending(StringComparer.Ordinal)
            .Skip(GenerationsKept - 1);
        foreach (var name in old)
        {
            try
            {
                System.IO.Directory.Delete(Path.Combine(indexRoot, name), recursive: true);
            }
            catch (IOException exception)
            {
                Log.GenerationNotDeleted(_logger, name, exception);
            }
            catch (UnauthorizedAccessException exception)
            {
                Log.GenerationNotDeleted(_logger, name, exception);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Knowledge index {Generation} built: {Documents} documents, {Sections} sections in {ElapsedMs:0} ms")]
        public static partial void IndexBuilt(ILogger logger, string generation, int documents, int sections, double elapsedMs);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Old knowledge index generation {Generation} could not be deleted")]
        public static partial void GenerationNotDeleted(ILogger logger, string generation, Exception exception);
    }
}

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
    private const double RamBufferMegabytes = 64;
    private const int MaximumBuildParts = 4;

    /// <summary>From how many sections a build is split over the cores (see WriteInParts); benchmarks compare both ways.</summary>
    internal static int ParallelBuildMinimumSections { get; set; } = 2_000;

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
        // Everything a hit shows goes into the section store; Lucene keeps only what is searched, and each section's
        // record number as a doc value.
        var entries = new List<(KnowledgeDocument Document, KnowledgeSection Section, int Slot)>();
        var sections = SectionStore.Write(
            Path.Combine(generation, SectionStore.FileName), documents, (document, section, slot) => entries.Add((document, section, slot)));

        using var directory = new NIOFSDirectory(new DirectoryInfo(generation));
        using var writer = new IndexWriter(directory, WriterConfig(analyzer));
        var parts = entries.Count >= ParallelBuildMinimumSections ? Math.Clamp(Environment.ProcessorCount, 1, MaximumBuildParts) : 1;
        var indexed = 0;
        var gate = new System.Threading.Lock();
        void SectionIndexed()
        {
            // Parts report from their own threads; the progress sink sees one report at a time, counts only rising.
            lock (gate)
            {
                indexed++;
                progress?.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Indexing, documents.Count, documents.Count, indexed, total));
            }
        }

        progress?.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Indexing, documents.Count, documents.Count, 0, total));
        if (parts == 1)
        {
            foreach (var (document, section, slot) in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.AddDocument(SectionEntry(document, section, slot));
                SectionIndexed();
            }

            progress?.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Committing, documents.Count, documents.Count, indexed, total));
            writer.ForceMerge(1);
        }
        else
        {
            WriteInParts(generation, analyzer, writer, entries, parts, SectionIndexed, cancellationToken);
            progress?.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Committing, documents.Count, documents.Count, indexed, total));
        }

        writer.Commit();
        return sections;
    }

    /// <summary>
    /// Analysing and inverting is most of a build and runs on one thread per writer, so a large knowledge base is
    /// indexed as consecutive slices on all cores, each into a scratch index, and the slices are then merged in order
    /// into the one segment. Document ids (and so the order of equal scores) are exactly those of a one-thread build.
    /// </summary>
    private static void WriteInParts(
        string generation,
        KnowledgeAnalyzer analyzer,
        IndexWriter writer,
        List<(KnowledgeDocument Document, KnowledgeSection Section, int Slot)> entries,
        int parts,
        Action sectionIndexed,
        CancellationToken cancellationToken)
    {
        var folders = Enumerable.Range(0, parts).Select(part => Path.Combine(generation, "part-" + part.ToString(CultureInfo.InvariantCulture))).ToArray();
        try
        {
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts, CancellationToken = cancellationToken }, part =>
            {
                var from = (int)((long)entries.Count * part / parts);
                var to = (int)((long)entries.Count * (part + 1) / parts);
                using var partDirectory = new NIOFSDirectory(new DirectoryInfo(folders[part]));
                using var partWriter = new IndexWriter(partDirectory, WriterConfig(analyzer));
                for (var i = from; i < to; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var (document, section, slot) = entries[i];
                    partWriter.AddDocument(SectionEntry(document, section, slot));
                    sectionIndexed();
                }

                partWriter.ForceMerge(1);
                partWriter.Commit();
            });

            var partDirectories = folders.Select(folder => new NIOFSDirectory(new DirectoryInfo(folder))).ToArray();
            var readers = new List<IndexReader>();
            try
            {
                readers.AddRange(partDirectories.Select(partDirectory => (IndexReader)DirectoryReader.Open(partDirectory)));
                writer.AddIndexes([.. readers]);
            }
            finally
            {
                readers.ForEach(reader => reader.Dispose());
                Array.ForEach(partDirectories, partDirectory => partDirectory.Dispose());
            }
        }
        finally
        {
            foreach (var folder in folders.Where(System.IO.Directory.Exists))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static IndexWriterConfig WriterConfig(KnowledgeAnalyzer analyzer) => new(KnowledgeAnalyzer.Version, analyzer)
    {
        OpenMode = OpenMode.CREATE,
        Similarity = new BM25Similarity(),
        // One flush for a school's knowledge base (and few for 100,000 sections): no intermediate segments to merge.
        RAMBufferSizeMB = RamBufferMegabytes,
        // Segments are written once and never merged again: a compound file would only copy them.
        UseCompoundFile = false,
        MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
    };

    private static Document SectionEntry(KnowledgeDocument document, KnowledgeSection section, int slot) =>
    [
        new StringField(KnowledgeIndexFields.Kind, KnowledgeIndexFields.SectionKind, Field.Store.NO),
        new StringField(KnowledgeIndexFields.SectionId, section.Id, Field.Store.NO),
        new StringField(KnowledgeIndexFields.DocumentId, document.Id, Field.Store.NO),
        new NumericDocValuesField(KnowledgeIndexFields.Slot, slot),
        new Field(KnowledgeIndexFields.Title, document.Title, SearchedText),
        new Field(KnowledgeIndexFields.Heading, string.Join(" ", section.HeadingPath), SearchedText),
        new Field(KnowledgeIndexFields.Body, MarkdownText.Plain(section.Text), SearchedText),
    ];

    /// <summary>
    /// Searched text: terms and frequencies (BM25) without positions. Questions become term queries only, and
    /// excerpts are highlighted from the section store, so positions would be written and never read.
    /// </summary>
    private static FieldType SearchedText { get; } = CreateSearchedText();

    private static FieldType CreateSearchedText()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };
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

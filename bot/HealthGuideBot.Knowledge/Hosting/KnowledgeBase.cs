using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Knowledge.Indexing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Knowledge.Hosting;

/// <summary>
/// The loaded knowledge base: the Lucene index, the synonym list and the parsed emergency procedures. It starts with
/// the host, before the server takes requests: the index is rebuilt only when the knowledge folder changed since the
/// last build (names, sizes and modification times), so a restart opens the existing index at once.
/// <see cref="RebuildAsync"/> re-indexes while the bot keeps answering from the old index until the new one is ready.
/// </summary>
public sealed partial class KnowledgeBase : IHostedService, IDisposable
{
    private const string FingerprintFile = "source.fingerprint";

    private static readonly TimeSpan BuildLockTimeout = TimeSpan.FromMinutes(5);

    private readonly KnowledgeIndexBuilder _builder;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<KnowledgeBase> _logger;
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private readonly TimeSpan _indexCheckInterval;
    private ITimer? _indexCheck;
    private LuceneKnowledgeSearch? _search;
    private EmergencyProcedureCatalog? _catalog;
    private SynonymList? _synonyms;

    public KnowledgeBase(string folder, string indexFolder, KnowledgeIndexBuilder builder, TimeProvider timeProvider, ILoggerFactory loggers, TimeSpan indexCheckInterval = default)
    {
        _indexCheckInterval = indexCheckInterval;
        Folder = folder;
        IndexFolder = indexFolder;
        _builder = builder;
        _timeProvider = timeProvider;
        _loggers = loggers;
        _logger = loggers.CreateLogger<KnowledgeBase>();
    }

    public string Folder { get; }

    public string IndexFolder { get; }

    public LuceneKnowledgeSearch Search => _search ?? throw NotLoaded();

    public EmergencyProcedureCatalog Catalog => Volatile.Read(ref _catalog) ?? throw NotLoaded();

    /// <summary>
    /// The synonym list of the live index generation (what search uses), so the emergency router follows a re-index
    /// too; replaced, never changed, when the generation switches.
    /// </summary>
    public SynonymList Synonyms => Volatile.Read(ref _synonyms) ?? throw NotLoaded();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            throw new InvalidOperationException(
                $"The knowledge folder '{Folder}' does not exist. Set HealthGuideBot:Knowledge:Folder to the folder of the school's approved documents.");
        }

        bool upToDate;
        using (await IndexFolderLock.AcquireAsync(IndexFolder, BuildLockTimeout, _timeProvider, cancellationToken))
        {
            var fingerprint = Fingerprint(Folder);
            var fingerprintPath = Path.Combine(IndexFolder, FingerprintFile);
            upToDate = File.Exists(fingerprintPath) && await File.ReadAllTextAsync(fingerprintPath, cancellationToken) == fingerprint;
            if (!upToDate)
            {
                await BuildAsync(fingerprint, progress: null, cancellationToken);
            }
        }

        _search = LuceneKnowledgeSearch.Open(IndexFolder, _loggers.CreateLogger<LuceneKnowledgeSearch>());
        Volatile.Write(ref _synonyms, LiveSynonyms(_search));
        Volatile.Write(ref _catalog, EmergencyProcedureCatalog.Create(_search));
        Log.Loaded(_logger, _search.Documents.Count, upToDate);
        if (_indexCheckInterval > TimeSpan.Zero)
        {
            _indexCheck = _timeProvider.CreateTimer(_ => CheckForNewIndex(), null, _indexCheckInterval, _indexCheckInterval);
        }
    }

    /// <summary>
    /// Switches to a generation another process (the <c>index</c> command, another instance) made live, and re-reads
    /// the emergency procedures from it. Runs on a timer; true when it switched. A broken new generation is logged and
    /// the current one keeps serving.
    /// </summary>
    public bool CheckForNewIndex()
    {
        if (_search is not { } search || !_rebuild.Wait(0))
        {
            return false;
        }

        try
        {
            if (!search.Refresh())
            {
                return false;
            }

            Volatile.Write(ref _catalog, EmergencyProcedureCatalog.Create(search));
            Volatile.Write(ref _synonyms, LiveSynonyms(search));
            Log.Reloaded(_logger, search.GenerationName, search.Documents.Count);
            return true;
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException or Lucene.Net.Index.CorruptIndexException)
        {
            Log.ReloadFailed(_logger, exception);
            return false;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>
    /// Re-indexes the knowledge folder; when loaded, switches to the new index while answers keep flowing. Works before
    /// <see cref="StartAsync"/> too (the <c>index</c> command).
    /// </summary>
    public Task<KnowledgeIndexBuildResult> RebuildAsync(CancellationToken cancellationToken) =>
        RebuildAsync(progress: null, cancellationToken);

    /// <summary>As <see cref="RebuildAsync(CancellationToken)"/>, reporting documents read and sections indexed (the <c>index</c> command's bar).</summary>
    public async Task<KnowledgeIndexBuildResult> RebuildAsync(IProgress<KnowledgeIndexProgress>? progress, CancellationToken cancellationToken)
    {
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            KnowledgeIndexBuildResult result;
            using (await IndexFolderLock.AcquireAsync(IndexFolder, BuildLockTimeout, _timeProvider, cancellationToken))
            {
                result = await BuildAsync(Fingerprint(Folder), progress, cancellationToken);
            }

            if (_search is { } search)
            {
                search.Refresh();
                Volatile.Write(ref _catalog, EmergencyProcedureCatalog.Create(search));
                Volatile.Write(ref _synonyms, LiveSynonyms(search));
            }

            return result;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _indexCheck?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _indexCheck?.Dispose();
        _search?.Dispose();
        _rebuild.Dispose();
    }

    private async Task<KnowledgeIndexBuildResult> BuildAsync(string fingerprint, IProgress<KnowledgeIndexProgress>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(IndexFolder);
        var result = await _builder.BuildAsync(Folder, IndexFolder, progress, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(IndexFolder, FingerprintFile), fingerprint, cancellationToken);
        return result;
    }

    /// <summary>The synonyms the live generation was indexed with (the builder copies synonyms.txt into it).</summary>
    private SynonymList LiveSynonyms(LuceneKnowledgeSearch search) =>
        SynonymList.Load(Path.Combine(IndexFolder, search.GenerationName));

    /// <summary>
    /// A digest of every file's relative path, size and modification time under the folder, and of the index layout
    /// version (an index built by a version with another layout is rebuilt, not opened).
    /// </summary>
    internal static string Fingerprint(string folder)
    {
        var text = new StringBuilder();
        text.Append("layout|").Append(KnowledgeIndexFields.LayoutVersion.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var info = new FileInfo(file);
            text.Append(Path.GetRelativePath(folder, file)).Append('|')
                .Append(info.Length.ToString(CultureInfo.InvariantCulture)).Append('|')
                .Append(info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static InvalidOperationException NotLoaded() =>
        new("The knowledge base is not loaded yet: it loads when the host starts (KnowledgeBase is a hosted service).");

    private static partial class Log
    {
        // EventIds 2000–2099: Knowledge. This class: 2090–2099.
        [LoggerMessage(2090, LogLevel.Information, "Knowledge base loaded: {Documents} documents (index reused: {Reused})")]
        public static partial void Loaded(ILogger logger, int documents, bool reused);

        [LoggerMessage(2091, LogLevel.Information, "Knowledge base switched to index {Generation} made by another process: {Documents} documents")]
        public static partial void Reloaded(ILogger logger, string generation, int documents);

        [LoggerMessage(2092, LogLevel.Error, "A newer knowledge index could not be opened; the current one keeps serving")]
        public static partial void ReloadFailed(ILogger logger, Exception exception);
    }
}

using HealthGuideBot.Core.Knowledge;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Core.Emergencies;

/// <summary>
/// Turns a routed emergency into its approved procedure, the school's 999 script and the source.
/// By design it cannot reach a language model: its only inputs are the parsed documents, the school profile and the
/// clock (an architecture test enforces this; never add an answer composer here).
/// </summary>
public sealed partial class EmergencyResponder
{
    private readonly Func<EmergencyProcedureCatalog> _catalogSource;
    private readonly SchoolProfile _school;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EmergencyResponder> _logger;
    private Loaded _loaded;

    public EmergencyResponder(
        EmergencyProcedureCatalog catalog, SchoolProfile school, TimeProvider timeProvider, ILogger<EmergencyResponder> logger)
        : this(() => catalog, school, timeProvider, logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
    }

    /// <summary>
    /// A responder that asks <paramref name="catalogSource"/> for the catalog on every answer, so a re-indexed
    /// knowledge base (a new catalog instance) is used from the next emergency on, without a restart.
    /// </summary>
    public EmergencyResponder(
        Func<EmergencyProcedureCatalog> catalogSource, SchoolProfile school, TimeProvider timeProvider, ILogger<EmergencyResponder> logger)
    {
        ArgumentNullException.ThrowIfNull(catalogSource);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        SchoolPlaceholders.Validate(school);
        _catalogSource = catalogSource;
        _school = school;
        _timeProvider = timeProvider;
        _logger = logger;
        _loaded = Load(catalogSource());
    }

    /// <summary>
    /// The answer for <paramref name="documentId"/> (from <see cref="EmergencyRouter"/>). If the school has removed
    /// that document, the answer is the calling-999 procedure; null only when the knowledge base has neither.
    /// </summary>
    public EmergencyAnswer? Respond(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        var (catalog, script) = Current();
        var procedure = catalog.Find(documentId);
        if (procedure is null)
        {
            procedure = catalog.Find(EmergencyDocumentIds.EmergencyServices);
            Log.EmergencyDocumentMissing(_logger, documentId, procedure is not null);
            if (procedure is null)
            {
                return null;
            }
        }

        var today = DateOnly.FromDateTime(_timeProvider.GetLocalNow().DateTime);
        var document = procedure.Document;
        var source = SourceReference.For(document, procedure.StepsSection);
        var scriptSource = catalog.ScriptDocument is { } scriptDocument && catalog.ScriptSection is { } scriptSection
            ? SourceReference.For(scriptDocument, scriptSection)
            : null;
        var overdue = source.IsOverdue(today) || (scriptSource?.IsOverdue(today) ?? false);
        if (overdue)
        {
            Log.OverdueEmergencyDocument(_logger, document.Id, document.NextReview);
        }

        var callNineNineNine = procedure.CallNineNineNineIf.Select(Fill).ToArray();
        var answer = new EmergencyAnswer(
            document.Id,
            document.Title,
            document.CallNineNineNineFirst,
            document.CallNineNineNineFirst ? callNineNineNine[0] : null,
            callNineNineNine,
            procedure.Steps.Select(Fill).ToArray(),
            procedure.Signs.Select(Fill).ToArray(),
            procedure.AfterTheEmergency.Select(Fill).ToArray(),
            script,
            source,
            scriptSource,
            overdue);
        Log.EmergencyAnswered(_logger, document.Id, overdue);
        return answer;
    }

    private string Fill(string line) => SchoolPlaceholders.Fill(line, _school);

    /// <summary>The catalog now in use and its filled 999 script; the script is filled again only when the catalog changes.</summary>
    private Loaded Current()
    {
        var catalog = _catalogSource();
        var loaded = Volatile.Read(ref _loaded);
        if (ReferenceEquals(loaded.Catalog, catalog))
        {
            return loaded;
        }

        loaded = Load(catalog);
        Volatile.Write(ref _loaded, loaded);
        return loaded;
    }

    private Loaded Load(EmergencyProcedureCatalog catalog) =>
        new(catalog, catalog.CallHandlerScript.Select(Fill).ToArray());

    private sealed record Loaded(EmergencyProcedureCatalog Catalog, IReadOnlyList<string> Script);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Emergency answered from {DocumentId} (overdue: {Overdue})")]
        public static partial void EmergencyAnswered(ILogger logger, string documentId, bool overdue);

        [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Emergency document {DocumentId} is not in the knowledge base; fell back to the 999 procedure: {FellBack}")]
        public static partial void EmergencyDocumentMissing(ILogger logger, string documentId, bool fellBack);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Emergency document {DocumentId} is past its review date {NextReview}")]
        public static partial void OverdueEmergencyDocument(ILogger logger, string documentId, DateOnly nextReview);
    }
}

using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Core.Emergencies;

/// <summary>
/// Every emergency document parsed once, at start-up or re-index, so that answering an emergency is a dictionary
/// look-up and a placeholder fill: no search, no I/O, no generated text. Malformed documents fail here, loudly,
/// rather than in front of a member of staff.
/// </summary>
public sealed class EmergencyProcedureCatalog
{
    /// <summary>The heading of the Template F script in <see cref="EmergencyDocumentIds.EmergencyServices"/>.</summary>
    public const string CallHandlerScriptHeading = "What to say to the 999 call handler";

    private readonly Dictionary<string, EmergencyProcedure> _procedures;

    private EmergencyProcedureCatalog(
        Dictionary<string, EmergencyProcedure> procedures, IReadOnlyList<string> callHandlerScript, KnowledgeDocument? scriptDocument, KnowledgeSection? scriptSection)
    {
        _procedures = procedures;
        CallHandlerScript = callHandlerScript;
        ScriptDocument = scriptDocument;
        ScriptSection = scriptSection;
    }

    /// <summary>The Template F lines in order, placeholders not yet filled; empty when the knowledge base has no script.</summary>
    public IReadOnlyList<string> CallHandlerScript { get; }

    public KnowledgeDocument? ScriptDocument { get; }

    public KnowledgeSection? ScriptSection { get; }

    public IReadOnlyCollection<string> DocumentIds => _procedures.Keys;

    public EmergencyProcedure? Find(string documentId) =>
        _procedures.TryGetValue(documentId, out var procedure) ? procedure : null;

    /// <summary>Builds the catalogue from every document whose category is <see cref="KnowledgeCategory.Emergency"/>.</summary>
    public static EmergencyProcedureCatalog Create(IEnumerable<KnowledgeDocumentContent> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var procedures = new Dictionary<string, EmergencyProcedure>(StringComparer.Ordinal);
        IReadOnlyList<string> script = [];
        KnowledgeDocument? scriptDocument = null;
        KnowledgeSection? scriptSection = null;
        foreach (var content in documents.Where(content => content.Document.Category == KnowledgeCategory.Emergency))
        {
            var procedure = EmergencyProcedure.Parse(content);
            if (!procedures.TryAdd(content.Document.Id, procedure))
            {
                throw new InvalidDataException($"Two emergency documents have the id '{content.Document.Id}'.");
            }

            foreach (var line in procedure.CallNineNineNineIf.Concat(procedure.Steps))
            {
                ThrowIfUnknownPlaceholder(content.Document, line);
            }

            if (content.Document.Id == EmergencyDocumentIds.EmergencyServices
                && EmergencyProcedure.FindSection(content, CallHandlerScriptHeading) is { } section)
            {
                script = MarkdownList.NumberedItems(section.Text);
                foreach (var line in script)
                {
                    ThrowIfUnknownPlaceholder(content.Document, line);
                }

                scriptDocument = content.Document;
                scriptSection = section;
            }
        }

        return new EmergencyProcedureCatalog(procedures, script, scriptDocument, scriptSection);
    }

    /// <summary>Builds the catalogue from an open index.</summary>
    public static EmergencyProcedureCatalog Create(IKnowledgeSearch search)
    {
        ArgumentNullException.ThrowIfNull(search);
        return Create(search.Documents.Select(document => new KnowledgeDocumentContent(document, search.GetSections(document.Id))));
    }

    private static void ThrowIfUnknownPlaceholder(KnowledgeDocument document, string line)
    {
        if (SchoolPlaceholders.Unknown(line).FirstOrDefault() is { } key)
        {
            throw new InvalidDataException(
                $"Emergency document '{document.Id}' ({document.SourceFile}) uses '{{{{school.{key}}}}}', which the school profile does not have. "
                + "Known: name, address, postcode, phone, entrance, meetingPoint.");
        }
    }
}

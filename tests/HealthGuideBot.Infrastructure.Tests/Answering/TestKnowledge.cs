using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Infrastructure.Tests.Answering;

/// <summary>A tiny knowledge base: two policy/guidance documents, one emergency document, and hits over them.</summary>
internal sealed class TestKnowledge : IKnowledgeSearch
{
    public static readonly KnowledgeDocument MedicinesPolicy = Document("policy-medicines", "Administering medicines policy", KnowledgeCategory.Policy);
    public static readonly KnowledgeDocument IhpGuidance = Document("guidance-ihp", "Individual Healthcare Plans – guidance for staff", KnowledgeCategory.Guidance);
    public static readonly KnowledgeDocument AsthmaEmergency = Document("emergency-asthma", "Asthma attack", KnowledgeCategory.Emergency);

    public static readonly KnowledgeHit Inhalers = Hit(MedicinesPolicy, "inhalers", ["Inhalers"], "Pupils carry their own reliever inhaler from Year 3. Spare inhalers are kept in the office.");
    public static readonly KnowledgeHit WhoWrites = Hit(IhpGuidance, "who-writes-the-ihp", ["Who writes the IHP"], "The school nurse writes the IHP with the parents and the SENCO.");
    public static readonly KnowledgeHit AsthmaSteps = Hit(AsthmaEmergency, "what-to-do", ["What to do"], "Call 999 if the reliever has no effect after 10 puffs.");

    private readonly Dictionary<string, KnowledgeDocument> _documents;

    public TestKnowledge(params KnowledgeDocument[] extra)
    {
        _documents = new[] { MedicinesPolicy, IhpGuidance, AsthmaEmergency }.Concat(extra).ToDictionary(document => document.Id);
    }

    public IReadOnlyList<KnowledgeDocument> Documents => [.. _documents.Values.OrderBy(document => document.Id, StringComparer.Ordinal)];

    public static KnowledgeDocument Document(string id, string title, KnowledgeCategory category) =>
        new(id, title, category, "School nurse", new DateOnly(2026, 11, 27), new DateOnly(2027, 11, 27), "Headteacher", "all-staff", false, id + ".md");

    public static KnowledgeHit Hit(KnowledgeDocument document, string anchor, string[] headings, string text) =>
        new(new KnowledgeSection(document.Id, anchor, headings, text, 0), 1f, "**" + text + "**", 0.9);

    public KnowledgeSearchResult Search(string query, int maxHits) => throw new NotSupportedException();

    public KnowledgeDocument? FindDocument(string documentId) => _documents.GetValueOrDefault(documentId);

    public KnowledgeSection? FindSection(string sectionId) => throw new NotSupportedException();

    public IReadOnlyList<KnowledgeSection> GetSections(string documentId) => throw new NotSupportedException();
}

namespace HealthGuideBot.Core.Knowledge;

/// <summary>
/// Search over the indexed knowledge folder. Implementations are thread-safe and CPU-bound (a search over the
/// index takes about a millisecond), so the members are synchronous.
/// </summary>
public interface IKnowledgeSearch
{
    /// <summary>All indexed documents, in id order.</summary>
    IReadOnlyList<KnowledgeDocument> Documents { get; }

    /// <summary>Finds the sections that best match <paramref name="query"/>. The query is plain text, never syntax.</summary>
    KnowledgeSearchResult Search(string query, int maxHits);

    KnowledgeDocument? FindDocument(string documentId);

    /// <summary>Finds a section by <see cref="KnowledgeSection.Id"/> (<c>document-id#anchor</c>).</summary>
    KnowledgeSection? FindSection(string sectionId);

    /// <summary>The sections of a document in document order; empty when the document is unknown.</summary>
    IReadOnlyList<KnowledgeSection> GetSections(string documentId);
}

namespace HealthGuideBot.Core.Knowledge;

/// <summary>A document as read from the knowledge folder: its metadata and its sections in order.</summary>
public sealed record KnowledgeDocumentContent(KnowledgeDocument Document, IReadOnlyList<KnowledgeSection> Sections)
{
    /// <summary>
    /// The text before the document's first heading (the sample notice, or a school's own preface): document
    /// metadata, not a section, so it is never searched for or cited. Null when there is none, or when the document
    /// has no headings and that text is its only section.
    /// </summary>
    public string? Preamble { get; init; }
}

namespace HealthGuideBot.Core.Knowledge;

/// <summary>What an answer cites: document title, section and review dates.</summary>
public sealed record SourceReference(
    string DocumentId,
    string Title,
    string Section,
    string SectionId,
    DateOnly Reviewed,
    DateOnly NextReview,
    bool IsApproved)
{
    /// <summary>True when <paramref name="today"/> is after the next-review date: every answer citing it must say so.</summary>
    public bool IsOverdue(DateOnly today) => today > NextReview;

    public static SourceReference For(KnowledgeDocument document, KnowledgeSection section)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(section);
        return new SourceReference(
            document.Id, document.Title, section.Heading, section.Id, document.Reviewed, document.NextReview, document.IsApproved);
    }

    public static SourceReference For(KnowledgeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new SourceReference(
            document.Id, document.Title, string.Empty, document.Id, document.Reviewed, document.NextReview, document.IsApproved);
    }
}

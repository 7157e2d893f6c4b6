namespace HealthGuideBot.Core.Knowledge;

/// <summary>A document as read from the knowledge folder: its metadata and its sections in order.</summary>
public sealed record KnowledgeDocumentContent(KnowledgeDocument Document, IReadOnlyList<KnowledgeSection> Sections);

namespace HealthGuideBot.Core.Knowledge;

/// <summary>A section found by a search.</summary>
/// <param name="Section">The section.</param>
/// <param name="Score">The ranking score (BM25); comparable only within one search.</param>
/// <param name="HighlightedExcerpt">The best fragment(s) of the section, matched words in <c>**bold**</c>.</param>
/// <param name="Coverage">
/// The share (0–1) of the question's meaningful terms that this section contains, weighted by how rare each term is
/// in the knowledge base. Terms the knowledge base has never seen count against it.
/// </param>
public sealed record KnowledgeHit(KnowledgeSection Section, float Score, string HighlightedExcerpt, double Coverage);

namespace HealthGuideBot.Core.Knowledge;

/// <summary>The outcome of one search.</summary>
/// <param name="Hits">The best sections, best first.</param>
/// <param name="QueryTermCount">How many meaningful terms the question had after analysis (stop words removed).</param>
/// <param name="KnownQueryTermCount">How many of those occur anywhere in the knowledge base.</param>
public sealed record KnowledgeSearchResult(IReadOnlyList<KnowledgeHit> Hits, int QueryTermCount, int KnownQueryTermCount)
{
    /// <summary>A search that found nothing for a question with no meaningful terms.</summary>
    public static KnowledgeSearchResult Empty { get; } = new([], 0, 0);

    /// <summary>
    /// How many entries the index's BM25 statistics count (its document count, N in the IDF), so a hit's
    /// <see cref="KnowledgeHit.Score"/> can be read against the score of a single passing mention; 0 when unknown.
    /// </summary>
    public int IndexedEntryCount { get; init; }
}

namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>Where an index build is: reading the documents, indexing their sections, then merging and committing.</summary>
public enum KnowledgeIndexStage
{
    Reading,
    Indexing,
    Committing,
    Done,
}

/// <summary>
/// One step of an index build, for a progress bar: documents read of the documents found (Markdown, Word and PDF
/// files), then sections indexed of all sections. Counts only grow; the last report (<see cref="KnowledgeIndexStage.Done"/>)
/// has every count at its total. Reported synchronously on the building thread, in order.
/// </summary>
public readonly record struct KnowledgeIndexProgress(
    KnowledgeIndexStage Stage, int DocumentsRead, int DocumentsTotal, int SectionsIndexed, int SectionsTotal);

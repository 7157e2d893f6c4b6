namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>A finished index build.</summary>
/// <param name="GenerationPath">The new generation folder, now live.</param>
/// <param name="DocumentCount">Documents indexed.</param>
/// <param name="SectionCount">Sections indexed.</param>
public sealed record KnowledgeIndexBuildResult(string GenerationPath, int DocumentCount, int SectionCount)
{
    /// <summary>What a school should look at but that did not stop the build (files skipped as not Markdown, Word or PDF).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

namespace HealthGuideBot.Knowledge.Hosting;

/// <summary>Where the knowledge base comes from and where its index lives (section <c>HealthGuideBot:Knowledge</c>).</summary>
public sealed class KnowledgeOptions
{
    public const string Section = "HealthGuideBot:Knowledge";

    /// <summary>
    /// The folder of approved documents (Markdown, Word, PDF). Default: the sample knowledge base shipped beside the
    /// binaries. A school points this at its own folder.
    /// </summary>
    public string? Folder { get; set; }

    /// <summary>Where the Lucene index is kept. Default: <c>data/index</c> under the content root.</summary>
    public string? IndexFolder { get; set; }

    /// <summary>
    /// How often a running bot looks for an index built by another process (the <c>index</c> command) and switches to
    /// it without a restart. Default 30 seconds; zero turns the check off.
    /// </summary>
    public TimeSpan IndexCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}

namespace HealthGuideBot.Benchmarks;

/// <summary>
/// Finds the repository (the folder holding HealthGuideBot.sln) from wherever the benchmark runs: BenchmarkDotNet
/// starts each benchmark in a generated project under this project's bin folder, so walking up always reaches it.
/// </summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string KnowledgeFolder => Path.Combine(Root.Value, "knowledge");

    public static string CardsFolder => Path.Combine(Root.Value, "cards");

    public static string EvaluationFolder => Path.Combine(Root.Value, "tests", "HealthGuideBot.Knowledge.Tests", "Evaluation");

    /// <summary>Where generated corpora and their indexes are cached between runs (never inside the repository).</summary>
    public static string CacheFolder => Path.Combine(Path.GetTempPath(), "healthguidebot-benchmarks");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "HealthGuideBot.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("HealthGuideBot.sln not found above " + AppContext.BaseDirectory);
    }
}

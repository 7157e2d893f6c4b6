namespace HealthGuideBot.LoadTool.Targets;

/// <summary>Finds the repository (the folder holding HealthGuideBot.sln) so targets can be started from their paths.</summary>
internal static class RepoRoot
{
    private const string SolutionFile = "HealthGuideBot.sln";

    public static string Find(string? explicitRoot)
    {
        if (explicitRoot is not null)
        {
            var full = Path.GetFullPath(explicitRoot);
            return File.Exists(Path.Combine(full, SolutionFile))
                ? full
                : throw new LoadToolException($"--repo-root '{full}' holds no {SolutionFile}.");
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    return dir.FullName;
                }
            }
        }

        throw new LoadToolException($"Could not find {SolutionFile} above the current directory; run from the repository or pass --repo-root.");
    }
}

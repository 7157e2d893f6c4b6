namespace HealthGuideBot.EndToEnd.Tests.Playground;

/// <summary>Finds the repository: the nearest folder, walking up from the test binaries, that holds HealthGuideBot.sln.</summary>
internal static class RepositoryRoot
{
    private const string SolutionFile = "HealthGuideBot.sln";

    public static DirectoryInfo Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir;
            }
        }

        throw new InvalidOperationException(
            $"No {SolutionFile} above {AppContext.BaseDirectory}: the end-to-end tests must run from a build inside the repository.");
    }

    /// <summary>tests/EndToEnd: package.json, package-lock.json and the Playground's preload scripts.</summary>
    public static string EndToEndFolder() => Path.Combine(Find().FullName, "tests", "EndToEnd");
}

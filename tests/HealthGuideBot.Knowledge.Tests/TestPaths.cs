namespace HealthGuideBot.Knowledge.Tests;

/// <summary>Locates the repository (the folder holding HealthGuideBot.sln) and its knowledge folder.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string KnowledgeFolder => Path.Combine(RepositoryRoot, "knowledge");

    public static string EvaluationFile => Path.Combine(AppContext.BaseDirectory, "Evaluation", "questions.tsv");

    /// <summary>A fresh, empty temporary folder; the caller deletes it.</summary>
    public static string NewTemporaryFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "hgb-knowledge-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Copies the real knowledge folder into a temporary one, for tests that change it.</summary>
    public static string CopyOfKnowledgeFolder()
    {
        var target = NewTemporaryFolder();
        foreach (var file in Directory.EnumerateFiles(KnowledgeFolder, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(KnowledgeFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!); // a file path always has a directory
            File.Copy(file, destination);
        }

        return target;
    }

    public static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HealthGuideBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"HealthGuideBot.sln not found above {AppContext.BaseDirectory}.");
    }
}

using System.Text.RegularExpressions;

namespace HealthGuideBot.Host.Tests.HouseRules;

/// <summary>House rules that a reviewer would otherwise have to catch, checked over the source of bot/ (STYLE habit 14).</summary>
public sealed partial class SourceConventionTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    [Fact]
    public void CardContentType_IsSpelledOnlyInItsOneConstant()
    {
        var offenders = SourceFiles()
            .Where(f => File.ReadAllText(f).Contains("\"application/vnd.microsoft.card.adaptive\"", StringComparison.Ordinal))
            .Select(Relative)
            .ToArray();

        Assert.Equal(["bot/HealthGuideBot.BotFramework/Cards/AdaptiveCardContentType.cs"], offenders);
    }

    [Fact]
    public void CardTemplates_AreNeverReadFromDiskByHand()
    {
        var offenders = SourceFiles().Where(f => CardFileRead().IsMatch(File.ReadAllText(f))).Select(Relative).ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public void LogMessages_AreSourceGenerated_NeverInterpolated()
    {
        var offenders = SourceFiles().Where(f => InterpolatedLog().IsMatch(File.ReadAllText(f))).Select(Relative).ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public void ProductCode_HasNoStubsOrTodos()
    {
        var offenders = SourceFiles().Where(f => Stub().IsMatch(File.ReadAllText(f))).Select(Relative).ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public void ProtocolLibrary_KnowsNothingOfHealth()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot, "bot/HealthGuideBot.BotFramework/HealthGuideBot.BotFramework.csproj"));
        var usings = SourceFiles()
            .Where(f => Relative(f).StartsWith("bot/HealthGuideBot.BotFramework/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("using HealthGuideBot.Core", StringComparison.Ordinal))
            .ToArray();

        Assert.DoesNotContain("ProjectReference", project, StringComparison.Ordinal);
        Assert.Empty(usings);
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "bot"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string path) => Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/');

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HealthGuideBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("HealthGuideBot.sln not found above the test output folder.");
    }

    [GeneratedRegex(@"File\.ReadAll(Text|Bytes)(Async)?\([^)]*card", RegexOptions.IgnoreCase)]
    private static partial Regex CardFileRead();

    [GeneratedRegex(@"\.Log(Trace|Debug|Information|Warning|Error|Critical)\(\s*\$""")]
    private static partial Regex InterpolatedLog();

    [GeneratedRegex(@"NotImplementedException|\bTODO\b|\bFIXME\b|\bHACK\b")]
    private static partial Regex Stub();
}

namespace HealthGuideBot.Benchmarks;

/// <summary>
/// Realistic staff messages: the knowledge tests' evaluation sets (questions.tsv and holdout.tsv), i.e. policy and
/// guidance questions, emergencies with typos and slang, and off-topic messages the bot must refuse.
/// </summary>
internal static class QuestionSets
{
    private static readonly Lazy<(string Text, bool Emergency)[]> Rows = new(Load);

    /// <summary>Every distinct message (about 250), in file order: the rotating search workload.</summary>
    public static string[] All { get; } = Rows.Value.Select(row => row.Text).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The messages labelled as emergencies: varied phrasings for the router.</summary>
    public static string[] Emergencies { get; } = Rows.Value.Where(row => row.Emergency).Select(row => row.Text)
        .Distinct(StringComparer.Ordinal).ToArray();

    private static (string Text, bool Emergency)[] Load() =>
        new[] { "questions.tsv", "holdout.tsv" }
            .SelectMany(file => File.ReadAllLines(Path.Combine(RepoPaths.EvaluationFolder, file)))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Where(columns => columns.Length >= 3)
            .Select(columns => (columns[0], columns[2] == "yes"))
            .ToArray();
}

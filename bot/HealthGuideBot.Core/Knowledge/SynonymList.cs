namespace HealthGuideBot.Core.Knowledge;

/// <summary>
/// The synonym groups kept as data in <c>knowledge/synonyms.txt</c>: one group per line, comma-separated, lower
/// case; lines starting with <c>#</c> are comments. Terms may be phrases ("adrenaline pen"). Both the search
/// analyser and the emergency router read the same list.
/// </summary>
public sealed class SynonymList
{
    /// <summary>The conventional file name inside the knowledge folder.</summary>
    public const string FileName = "synonyms.txt";

    private SynonymList(IReadOnlyList<IReadOnlyList<string>> groups) => Groups = groups;

    public static SynonymList Empty { get; } = new([]);

    /// <summary>The groups in file order; each has at least two distinct terms.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    public static SynonymList Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = new List<IReadOnlyList<string>>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var terms = line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(term => string.Join(' ', term.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (terms.Length >= 2)
            {
                groups.Add(terms);
            }
        }

        return new SynonymList(groups);
    }

    /// <summary>Reads <c>synonyms.txt</c> from <paramref name="knowledgeFolder"/>; an absent file gives an empty list.</summary>
    public static async Task<SynonymList> LoadAsync(string knowledgeFolder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(knowledgeFolder, FileName);
        if (!File.Exists(path))
        {
            return Empty;
        }

        return Parse(await File.ReadAllTextAsync(path, cancellationToken));
    }

    /// <summary>Synchronous load for start-up code and tests.</summary>
    public static SynonymList Load(string knowledgeFolder)
    {
        var path = Path.Combine(knowledgeFolder, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;
    }
}

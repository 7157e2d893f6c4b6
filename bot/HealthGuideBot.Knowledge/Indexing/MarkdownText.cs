using System.Text.RegularExpressions;

namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>Markdown emphasis and link syntax removed, so highlights and indexing see the words only.</summary>
internal static partial class MarkdownText
{
    public static string Plain(string markdown) =>
        Link().Replace(markdown.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal), "$1");

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}

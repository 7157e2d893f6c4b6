using System.Text;
using System.Text.RegularExpressions;

namespace HealthGuideBot.Core.Emergencies;

/// <summary>Reads the list items of a Markdown section body verbatim (continuation lines joined with a space).</summary>
internal static partial class MarkdownList
{
    /// <summary>Numbered items (<c>1.</c>, <c>2)</c>) in order.</summary>
    public static IReadOnlyList<string> NumberedItems(string text) => Read(text, numberedOnly: true);

    /// <summary>Bullet and numbered items in order; a section without any list gives its paragraphs instead.</summary>
    public static IReadOnlyList<string> Items(string text)
    {
        var items = Read(text, numberedOnly: false);
        if (items.Count > 0)
        {
            return items;
        }

        return text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(paragraph => string.Join(' ', paragraph.Split('\n', StringSplitOptions.TrimEntries)))
            .ToArray();
    }

    private static List<string> Read(string text, bool numberedOnly)
    {
        var items = new List<string>();
        StringBuilder? current = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            var numbered = NumberedItem().Match(line);
            var bullet = numbered.Success ? Match.Empty : BulletItem().Match(line);
            var isTopLevel = line.Length == line.TrimStart().Length;
            if (numbered.Success && isTopLevel)
            {
                Flush();
                current = new StringBuilder(numbered.Groups["text"].Value.Trim());
            }
            else if (bullet.Success && isTopLevel)
            {
                Flush();
                current = numberedOnly ? null : new StringBuilder(bullet.Groups["text"].Value.Trim());
            }
            else if (current is not null)
            {
                current.Append(' ').Append(line.Trim());
            }
        }

        Flush();
        return items;

        void Flush()
        {
            if (current is { Length: > 0 })
            {
                items.Add(current.ToString());
            }

            current = null;
        }
    }

    [GeneratedRegex(@"^\d{1,2}[.)]\s+(?<text>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^[-*+]\s+(?<text>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex BulletItem();
}

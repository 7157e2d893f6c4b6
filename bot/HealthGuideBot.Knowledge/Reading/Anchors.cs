using System.Text;

namespace HealthGuideBot.Knowledge.Reading;

/// <summary>Heading slugs ("Call 999 if" → "call-999-if"), unique within a document.</summary>
internal static class Anchors
{
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text.ToLowerInvariant())
        {
            if (character is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                builder.Append(character);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-') is { Length: > 0 } slug ? slug : "section";
    }

    /// <summary>A slug not yet in <paramref name="used"/> (adds "-2", "-3" … when needed), recorded as used.</summary>
    public static string Unique(string heading, HashSet<string> used)
    {
        var slug = Slug(heading);
        var candidate = slug;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }
}

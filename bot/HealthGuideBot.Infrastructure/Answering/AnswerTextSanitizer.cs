using System.Text.RegularExpressions;
using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.Infrastructure.Answering;

/// <summary>
/// Makes model text fit to show: no images, links, web addresses or HTML survive (nothing a client would fetch or a
/// member of staff could click, so nothing can carry data out), invisible characters go, and the model's [n]
/// citation markers are renumbered to the order of the answer's citations, or removed when they cite nothing given.
/// </summary>
internal static partial class AnswerTextSanitizer
{
    public static string Sanitize(string text, IReadOnlyDictionary<int, int> renumbering)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(renumbering);
        var result = TextSanitizer.RemoveInvisible(text);
        result = MarkdownImage().Replace(result, string.Empty);
        result = MarkdownReferenceDefinition().Replace(result, string.Empty);
        result = MarkdownLink().Replace(result, "$1");
        result = HtmlTag().Replace(result, string.Empty);
        result = Url().Replace(result, string.Empty);
        result = BareDomain().Replace(result, string.Empty);
        result = CitationMarker().Replace(result, match => Renumber(match, renumbering));
        result = RepeatedSpaces().Replace(result, " ");
        result = SpaceBeforePunctuation().Replace(result, "$1");
        return result.Trim();
    }

    /// <summary>True when the text tells staff not to call 999 or to put it off: such an answer is never shown.</summary>
    public static bool DiscouragesEmergencyCall(string text) => DiscouragingEmergencyCall().IsMatch(text);

    private static string Renumber(Match match, IReadOnlyDictionary<int, int> renumbering)
    {
        var numbers = match.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var n) && renumbering.TryGetValue(n, out var m) ? m : 0)
            .Where(n => n > 0)
            .Distinct()
            .ToArray();
        return string.Concat(numbers.Select(n => $"[{n}]"));
    }

    [GeneratedRegex(@"!\[[^\]]*\]\s*(\([^)]*\)|\[[^\]]*\])?")]
    private static partial Regex MarkdownImage();

    [GeneratedRegex(@"^[ \t]*\[[^\]]+\]:[ \t]*\S.*$", RegexOptions.Multiline)]
    private static partial Regex MarkdownReferenceDefinition();

    [GeneratedRegex(@"\[([^\]]*)\]\s*\([^)]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"</?[A-Za-z!][^>]*>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\b(?:https?|ftp|file|data|javascript|vbscript|mailto|tel|ms-[a-z-]+):[^\s<>""')\]]+|\bwww\.[^\s<>""')\]]*", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b(?:[a-z0-9-]+\.)+(?:com|org|net|uk|io|ai|gov|nhs|info|biz|co|app|dev|xyz|ru|cn|me|ly|gl|site|online|link|click)\b(?:/[^\s<>""')\]]*)?", RegexOptions.IgnoreCase)]
    private static partial Regex BareDomain();

    [GeneratedRegex(@"\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")]
    private static partial Regex CitationMarker();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex RepeatedSpaces();

    [GeneratedRegex(@"[ \t]+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"\b(?:do\s+not|don['’]?t|never|no\s+need\s+to|not|avoid|without|wait\s+before)\s+(?:call(?:ing)?|phon(?:e|ing)|ring(?:ing)?|dial(?:l?ing)?|contact(?:ing)?)\s+(?:an?\s+|the\s+)?(?:999|112|111|ambulance|emergency\s+services|paramedics)", RegexOptions.IgnoreCase)]
    private static partial Regex DiscouragingEmergencyCall();
}

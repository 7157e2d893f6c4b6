using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthGuideBot.Core.Referrals.Parsing;

/// <summary>
/// Class, group or form names as staff type them: "5B", "5 b", "class 5b", "year 5", "Y5", "Yr 10", "reception",
/// "nursery", "Oak class". Returned in one spelling ("5B", "Year 5", "Reception", "Oak"); null when the answer
/// does not look like a class.
/// </summary>
public static partial class ClassNameParser
{
    public static string? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var lower = string.Join(' ', text.Trim().ToLowerInvariant().Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!');
        lower = Prefix().Replace(lower, string.Empty);

        if (YearAndClass().Match(lower) is { Success: true } year)
        {
            var number = int.Parse(year.Groups["year"].Value, CultureInfo.InvariantCulture);
            return year.Groups["group"].Success
                ? $"{number}{year.Groups["group"].Value.ToUpperInvariant()}"
                : $"Year {number}";
        }

        if (NumberAndLetters().Match(lower) is { Success: true } form)
        {
            return $"{int.Parse(form.Groups["year"].Value, CultureInfo.InvariantCulture)}{form.Groups["group"].Value.ToUpperInvariant()}";
        }

        if (lower is "reception" or "rec" or "r" or "yr r" or "year r")
        {
            return "Reception";
        }

        if (lower is "nursery" or "n")
        {
            return "Nursery";
        }

        if (NamedClass().Match(lower) is { Success: true } named)
        {
            return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(named.Groups["name"].Value);
        }

        return null;
    }

    [GeneratedRegex(@"^(?:(?:he|she|they)(?:'s| is| are) in |in )?(?:(?:class|form|group|tutor group)\s+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^(?:year|yr|y)\s*(?<year>[1-9]|1[0-3])(?:\s*[-/ ]?\s*(?:class\s+)?(?<group>[a-z]{1,2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex YearAndClass();

    [GeneratedRegex(@"^(?<year>[1-9]|1[0-3])\s*[-/ ]?\s*(?<group>[a-z]{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberAndLetters();

    [GeneratedRegex(@"^(?<name>[a-z][a-z'-]{1,19})(?:\s+class)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamedClass();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthGuideBot.Core.Referrals.Parsing;

/// <summary>
/// Numbers in staff's own words: "12", "12 days", "about 10.5", "ten", "twenty-one", "a dozen", "ten and a half",
/// "none". The first number in the answer is taken.
/// </summary>
public static partial class NumberParser
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["nought"] = 0, ["nil"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12,
        ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["dozen"] = 12,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70,
        ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly HashSet<string> Nothing = new(StringComparer.Ordinal) { "none", "no", "nothing" };

    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var lower = text.Trim().ToLowerInvariant();
        var digits = Digits().Match(lower);
        if (digits.Success)
        {
            var value = decimal.Parse(digits.Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            return lower.Contains("and a half", StringComparison.Ordinal) ? value + 0.5m : value;
        }

        return ParseWords(lower);
    }

    /// <summary>Parses number words; also used by the date parser for "three weeks ago".</summary>
    internal static decimal? ParseWords(string lower)
    {
        var words = Words().Matches(lower).Select(m => m.Value).ToList();
        decimal? total = null;
        decimal current = 0;
        var inNumber = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (Units.TryGetValue(word, out var unit))
            {
                current += unit;
                inNumber = true;
            }
            else if (Tens.TryGetValue(word, out var ten))
            {
                current += ten;
                inNumber = true;
            }
            else if (word == "hundred" && inNumber)
            {
                current *= 100;
            }
            else if (word == "hundred" && !inNumber && i > 0 && words[i - 1] is "a" or "one")
            {
                current = 100;
                inNumber = true;
            }
            else if (word == "half" && i > 0 && words[i - 1] == "a" && (inNumber || i == 1))
            {
                current += 0.5m;
                inNumber = true;
            }
            else if (word == "couple" && !inNumber)
            {
                current = 2;
                inNumber = true;
            }
            else if (word is "and" or "a" or "an" or "of" && (inNumber || word is "a" or "an"))
            {
                continue;
            }
            else if (inNumber)
            {
                break;
            }
            else if (Nothing.Contains(word) && i == 0)
            {
                return 0;
            }
        }

        if (inNumber)
        {
            total = current;
        }

        return total;
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}

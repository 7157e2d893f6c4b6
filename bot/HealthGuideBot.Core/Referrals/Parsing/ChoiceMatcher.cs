namespace HealthGuideBot.Core.Referrals.Parsing;

/// <summary>
/// Matches an answer to one of a question's choices: its value, its title, its position ("2"), or a title the answer
/// begins or is contained in ("consultant" for "A consultant (paediatrician or hospital specialist)").
/// Null when nothing, or more than one choice equally, matches.
/// </summary>
public static class ChoiceMatcher
{
    public static QuestionChoice? Match(string? text, IReadOnlyList<QuestionChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var answer = Normalise(text);
        if (int.TryParse(answer, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
            && position >= 1 && position <= choices.Count)
        {
            return choices[position - 1];
        }

        var exact = choices.Where(c => Normalise(c.Value) == answer || Normalise(c.Title) == answer).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        if (answer.Length < 2)
        {
            return null;
        }

        var partial = choices.Where(c => $" {Normalise(c.Title)} ".Contains($" {answer} ", StringComparison.Ordinal)).ToList();
        if (partial.Count == 1)
        {
            return partial[0];
        }

        // The answer mentions exactly one choice's distinctive title, e.g. "it's a GP letter" for "A GP letter only".
        var mentioned = choices.Where(c => Normalise(c.Title).Length >= 3 && $" {answer} ".Contains($" {Normalise(c.Title)} ", StringComparison.Ordinal)).ToList();
        if (mentioned.Count == 1)
        {
            return mentioned[0];
        }

        if (YesNoParser.Parse(text) is { } yesNo)
        {
            var byYesNo = choices.Where(c => string.Equals(c.Value, yesNo ? "yes" : "no", StringComparison.OrdinalIgnoreCase)).ToList();
            if (byYesNo.Count == 1)
            {
                return byYesNo[0];
            }
        }

        return null;
    }

    internal static string Normalise(string text)
    {
        var chars = text.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

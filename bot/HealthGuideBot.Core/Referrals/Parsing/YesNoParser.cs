namespace HealthGuideBot.Core.Referrals.Parsing;

/// <summary>
/// Yes or no in everyday words: "yes", "yep", "yeah, they have", "of course", "no thanks", "nope", "not yet",
/// "they haven't". Null when the answer is neither (the bot then asks again with Yes/No buttons).
/// </summary>
public static class YesNoParser
{
    private static readonly string[] YesPhrases =
    [
        "yes", "y", "yep", "yeah", "yea", "ya", "yup", "yh", "sure", "ok", "okay", "correct", "true", "absolutely",
        "definitely", "of course", "certainly", "affirmative", "they have", "they do", "she has", "he has", "she does",
        "he does", "they are", "she is", "he is", "i have", "i do", "agreed", "they agree", "parents agree",
        "that's right", "thats right", "right", "indeed", "aye",
    ];

    private static readonly string[] NoPhrases =
    [
        "no", "n", "nope", "nah", "not yet", "not", "never", "none", "negative", "no thanks", "no thank you",
        "don't", "dont", "doesn't", "doesnt", "haven't", "havent", "hasn't", "hasnt", "isn't", "isnt", "aren't",
        "arent", "they haven't", "they havent", "they don't", "they dont", "she hasn't", "he hasn't", "she isn't",
        "he isn't", "they aren't", "false", "they do not", "they have not", "not at all", "no way",
    ];

    private static readonly string[] Unsure = ["not sure", "unsure", "don't know", "dont know", "i don't know", "i dont know", "maybe", "perhaps", "no idea"];

    public static bool? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = Normalise(text);
        if (LongestLeading(words, Unsure) > 0)
        {
            return null;
        }

        // The longest phrase matching the start wins: "not yet" over "not", "no thanks" over "no".
        var yes = LongestLeading(words, YesPhrases);
        var no = LongestLeading(words, NoPhrases);
        if (yes == 0 && no == 0)
        {
            return null;
        }

        return yes > no;
    }

    private static int LongestLeading(string words, string[] phrases)
    {
        var best = 0;
        foreach (var phrase in phrases)
        {
            if ((words == phrase || words.StartsWith(phrase + " ", StringComparison.Ordinal)) && phrase.Length > best)
            {
                best = phrase.Length;
            }
        }

        return best;
    }

    private static string Normalise(string text)
    {
        var chars = text.Trim().ToLowerInvariant().Replace('’', '\'')
            .Select(c => char.IsLetterOrDigit(c) || c == '\'' ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

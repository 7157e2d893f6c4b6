using System.Text;
using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Core.Emergencies;

/// <summary>
/// Normalises a message or a table phrase into words: lower case, apostrophes dropped ("can't" → "cant"),
/// punctuation to spaces, UK/US spellings folded, letters repeated three or more times collapsed ("fiiiit" → "fit").
/// </summary>
internal static class RouterText
{
    public static string[] Words(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (character is '\'' or '\u2019' or '\u2018' or '`')
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(character) ? char.ToLowerInvariant(character) : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = SpellingVariants.Fold(CollapseRuns(words[i], 3));
        }

        return words;
    }

    /// <summary>Collapses every run of at least <paramref name="minimumRun"/> equal letters to one letter.</summary>
    public static string CollapseRuns(string word, int minimumRun)
    {
        var builder = new StringBuilder(word.Length);
        var i = 0;
        while (i < word.Length)
        {
            var j = i;
            while (j < word.Length && word[j] == word[i])
            {
                j++;
            }

            var run = j - i;
            builder.Append(word[i], run >= minimumRun ? 1 : run);
            i = j;
        }

        return builder.Length == word.Length ? word : builder.ToString();
    }

    /// <summary>True when the message has letters and none of them is lower case ("ASTHMA ATTACK").</summary>
    public static bool IsShouting(string text)
    {
        var letters = 0;
        foreach (var character in text)
        {
            if (char.IsLetter(character))
            {
                if (char.IsLower(character))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 3;
    }
}

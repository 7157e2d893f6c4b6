namespace HealthGuideBot.Core.Knowledge;

/// <summary>
/// Folds UK and US spellings of one lower-case word onto a single form, so "hypoglycemia" and "hypoglycaemia",
/// "behavior" and "behaviour", "organize" and "organise" compare equal. The folded form is a search key, never
/// shown to anyone. Used by the search analyser and the emergency router alike, so both sides always agree.
/// </summary>
public static class SpellingVariants
{
    // Whole-word US → UK forms that no rule covers.
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["gray"] = "grey",
        ["center"] = "centre",
        ["centers"] = "centres",
        ["fiber"] = "fibre",
        ["liter"] = "litre",
        ["liters"] = "litres",
        ["milliliter"] = "millilitre",
        ["milliliters"] = "millilitres",
        ["program"] = "programme",
        ["programs"] = "programmes",
        ["mom"] = "mum",
        ["moms"] = "mums",
        ["math"] = "maths",
    };

    // Classical ae/oe digraphs in medical words: the UK form is folded to the US one (fewer letters).
    private static readonly (string Uk, string Us)[] Digraphs =
    [
        ("haem", "hem"),
        ("aemia", "emia"),
        ("aemic", "emic"),
        ("paed", "ped"),
        ("anaes", "anes"),
        ("oesoph", "esoph"),
        ("oedem", "edem"),
        ("oestr", "estr"),
        ("coeli", "celi"),
        ("rrhoea", "rrhea"),
        ("foet", "fet"),
        ("orthopaed", "orthoped"),
        ("leukaem", "leukem"),
    ];

    // US -ize/-yze family → UK -ise/-yse.
    private static readonly (string Us, string Uk)[] Suffixes =
    [
        ("izations", "isations"),
        ("ization", "isation"),
        ("izing", "ising"),
        ("izes", "ises"),
        ("ized", "ised"),
        ("izer", "iser"),
        ("ize", "ise"),
        ("yzing", "ysing"),
        ("yzed", "ysed"),
        ("yze", "yse"),
    ];

    /// <summary>Folds one lower-case word; words of fewer than four letters are returned unchanged.</summary>
    public static string Fold(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (Words.TryGetValue(word, out var mapped))
        {
            return mapped;
        }

        if (word.Length < 4)
        {
            return word;
        }

        var folded = word;
        foreach (var (uk, us) in Digraphs)
        {
            if (folded.Contains(uk, StringComparison.Ordinal))
            {
                folded = folded.Replace(uk, us, StringComparison.Ordinal);
            }
        }

        if (folded.Length >= 6)
        {
            foreach (var (us, uk) in Suffixes)
            {
                if (folded.EndsWith(us, StringComparison.Ordinal))
                {
                    folded = string.Concat(folded.AsSpan(0, folded.Length - us.Length), uk);
                    break;
                }
            }

            // behaviour/behavior, colour/color, tumour/tumor: fold -our(s) to -or(s).
            if (folded.EndsWith("ours", StringComparison.Ordinal) && folded.Length >= 7)
            {
                folded = string.Concat(folded.AsSpan(0, folded.Length - 4), "ors");
            }
            else if (folded.EndsWith("our", StringComparison.Ordinal))
            {
                folded = string.Concat(folded.AsSpan(0, folded.Length - 3), "or");
            }
        }

        return folded;
    }
}

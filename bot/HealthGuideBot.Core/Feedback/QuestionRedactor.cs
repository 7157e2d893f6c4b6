using System.Text;
using System.Text.RegularExpressions;

namespace HealthGuideBot.Core.Feedback;

/// <summary>
/// Makes a question fit to keep for the content owner's report of unanswered questions: staff type pupils' names,
/// dates of birth, NHS numbers, phone numbers, emails and postcodes into questions, and none of that may be stored.
/// Anything that looks like a name (a capitalised word that does not start the sentence, other than a few known
/// terms) or a number, date, email, postcode or phone number becomes <c>[…]</c>. Over-redaction is the safe side.
/// </summary>
public static partial class QuestionRedactor
{
    private const string Redacted = "[…]";
    private const int MaxLength = 300;

    private static readonly HashSet<string> KnownTerms = new(StringComparer.Ordinal)
    {
        "I", "IHP", "IHPs", "SENCO", "SENCo", "DSL", "CAMHS", "MHST", "EHCP", "SEN", "PE", "GP", "NHS", "AAI", "AAIs",
        "EpiPen", "EpiPens", "Jext", "Emerade", "THRIVE", "DfE", "LA", "AED", "CPR", "A&E", "Early", "Help",
        "Calpol", "Ventolin", "Template", "Panel", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    };

    /// <summary>The question with personal details replaced, trimmed to a report-sized length.</summary>
    public static string Redact(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = Email().Replace(question, Redacted);
        text = Postcode().Replace(text, Redacted);
        text = DateLike().Replace(text, Redacted);
        text = Digits().Replace(text, Redacted);
        text = RedactNames(text);
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    private static string RedactNames(string text)
    {
        var result = new StringBuilder(text.Length);
        var sentenceStart = true;
        foreach (Match token in Token().Matches(text))
        {
            var word = token.Value;
            if (char.IsLetter(word[0]))
            {
                var looksLikeName = char.IsUpper(word[0]) && !KnownTerms.Contains(word.TrimEnd('\'', 's')) && !KnownTerms.Contains(word);
                result.Append(looksLikeName && !sentenceStart ? Redacted : word);
                sentenceStart = false;
            }
            else
            {
                result.Append(word);
                if (word.IndexOfAny(['.', '?', '!', '\n']) >= 0)
                {
                    sentenceStart = true;
                }
            }
        }

        return result.ToString();
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b")]
    private static partial Regex Postcode();

    [GeneratedRegex(@"\b\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?\b")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"\d(?:[\s-]?\d){3,}")]
    private static partial Regex Digits();

    [GeneratedRegex(@"[\p{L}][\p{L}'’-]*|[^\p{L}]+")]
    private static partial Regex Token();
}

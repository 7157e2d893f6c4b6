using System.Text.RegularExpressions;

namespace HealthGuideBot.Core.Referrals.Parsing;

/// <summary>
/// Spots an answer that reveals a risk of harm now: suicidal intent, self-harm, a disclosure of abuse, threats
/// ("going to hurt"), a child not safe at home. Deliberately broad: a false alarm costs the referrer one message and
/// a "continue my referral"; a miss could cost a child. It only ever adds the safeguarding route; it never decides
/// anything else. The text is matched in memory and never logged.
/// </summary>
public static partial class RiskScreen
{
    public static bool IndicatesRisk(string? text) =>
        !string.IsNullOrWhiteSpace(text) && Risk().IsMatch(text.Replace('’', '\''));

    [GeneratedRegex(
        @"\b(?:suicid\w*|kill(?:ing)? (?:him|her|them|my)sel(?:f|ves)|end (?:his|her|their|my) (?:own )?life|want(?:s|ed)? to die|better off dead|"
        + @"self[- ]?harm\w*|(?:cut|cuts|cutting|hurt|hurts|hurting|harm|harms|harming) (?:him|her|them|my)sel(?:f|ves)|overdose\w*|"
        + @"going to (?:hurt|kill|hit|harm|stab|attack)|(?:gonna|will) (?:hurt|kill|hit|harm)|threaten\w* to (?:hurt|kill|hit|harm)|"
        + @"abus(?:e|ed|es|ing|ive)|sexual\w*|touched (?:him|her|them|me) |(?:hits|hit|hitting|beats|beat|beaten|punch\w*|kick\w*|slapp?\w*) (?:him|her|them|me)\b|"
        + @"not safe (?:at home|to go home)|(?:scared|afraid|frightened) (?:to go|of going) home|bruis\w*|weapon|knife|knives|groom\w*|run(?:ning)? away from home)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Risk();
}

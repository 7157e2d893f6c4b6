using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace HealthGuideBot.Core.HealthcarePlans;

/// <summary>
/// Recognises a request to see a pupil's healthcare plan: "does Sam have a healthcare plan?", "has Sam got an IHP",
/// "show Sam's emergency plan", "Sam's care plan", "is there a care plan for Sam Taylor". The whole message must be
/// the request (anchored patterns, a name of one to four words, no pronouns or "the"), so a message that also says
/// something is happening ("Sam's having an asthma attack, where's his plan") is not a lookup. The emergency
/// interceptor still runs first: the <see cref="Emergencies.EmergencyRouter"/> reads "plan" as a records question, so
/// a lookup reaches the plans, while a lookup whose "name" is itself an emergency word ("choking Sam's emergency
/// plan!") still gets the first-aid card (the safe way to be wrong). Tests pin both directions.
/// </summary>
public static partial class PlanLookupPhrase
{
    private const int MaximumLength = 120;

    /// <summary>Words that are never a pupil's name: a lookup about "him" or "the school" is not one we can resolve.</summary>
    private static readonly FrozenSet<string> NotNames = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "he", "she", "they", "his", "her", "him", "them", "their", "this", "that", "the", "a", "an", "my", "our", "your",
        "it", "its", "child", "pupil", "student", "kid", "boy", "girl", "school", "class", "we", "i", "you", "me", "every",
        "all", "any", "anyone", "someone", "somebody", "who", "which", "what", "how", "where", "when", "why");

    /// <summary>
    /// True when <paramref name="message"/> is only a plan lookup; <paramref name="pupilName"/> is the name as typed
    /// (trimmed, possessive removed), for <see cref="Pupils.IPupilDirectory.FindByNameAsync"/>.
    /// </summary>
    public static bool TryParse(string? message, [NotNullWhen(true)] out string? pupilName)
    {
        pupilName = null;
        if (string.IsNullOrWhiteSpace(message) || message.Length > MaximumLength || !MentionsAPlan(message))
        {
            return false;
        }

        var match = Lookup().Match(message.Trim());
        if (!match.Success)
        {
            return false;
        }

        var name = Whitespace().Replace(match.Groups["name"].Value.Trim(), " ");
        if (name.Length == 0 || name.Split(' ').Any(NotNames.Contains))
        {
            return false;
        }

        pupilName = name;
        return true;
    }

    // Every alternative of Plan contains one of these words, so a message without any of them cannot match. Checking
    // first keeps the NonBacktracking regex (built on first use: its symbolic matcher's code and BDD tables are
    // several MB) out of a process that never sees a plan question (issue 2: the "help" path's peak RSS).
    private static bool MentionsAPlan(string message) =>
        message.Contains("plan", StringComparison.OrdinalIgnoreCase)
        || message.Contains("ihp", StringComparison.OrdinalIgnoreCase)
        || message.Contains("ihcp", StringComparison.OrdinalIgnoreCase)
        || message.Contains("summary", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="message"/> is only a plan lookup.</summary>
    public static bool IsMatch(string? message) => TryParse(message, out _);

    // Name: one to four words of letters (an inner apostrophe or hyphen allowed: O'Neil, Smith-Jones).
    // Plan: "healthcare plan", "care plan", "emergency plan", "emergency care plan", "individual healthcare plan",
    //       "health care plan", "medical plan", "IHP", "IHCP", "emergency summary", "care plan on a page".
    // Leading "please"/"can you", trailing "please" and punctuation are allowed; nothing else. NonBacktracking: linear
    // time whatever is typed, so no timeout is needed.
    private const string Name = @"\p{L}[\p{L}\-]*(?:['’]\p{L}[\p{L}\-]*)?(?:\s+\p{L}[\p{L}\-]*(?:['’]\p{L}[\p{L}\-]*)?){0,3}?";

    private const string Plan = @"(?:(?:individual\s+)?(?:(?:emergency|health\s*care|health|medical|care)\s+){1,2}plan|ihp|ihcp|emergency\s+summary|care\s+plan\s+on\s+a\s+page)";

    private const string Verb = @"(?:show|open|view|see|get|find|display|bring\s+up|pull\s+up)\s+(?:me\s+)?";

    private const string Pattern =
        @"^(?:(?:please|pls|can\s+you|could\s+you|can\s+i\s+see|could\s+i\s+see)[\s,]+)?(?:"
        + @"(?:does|has)\s+(?<name>" + Name + @")\s+(?:have|got|has)\s+(?:got\s+)?(?:an?\s+)?" + Plan
        + @"|(?:is\s+there|have\s+we\s+got|do\s+we\s+have)\s+(?:an?\s+)?" + Plan + @"\s+for\s+(?<name>" + Name + ")"
        + "|" + Verb + @"(?<name>" + Name + @")(?:['’]s|['’])\s+" + Plan
        + "|" + Verb + @"(?:the\s+)?" + Plan + @"\s+for\s+(?<name>" + Name + ")"
        + @"|(?:what(?:['’]s|\s+is)\s+)?(?<name>" + Name + @")(?:['’]s|['’])\s+" + Plan
        + @")(?:[\s,]+(?:please|pls))?[\s?.!]*$";

    [GeneratedRegex(Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.NonBacktracking)]
    private static partial Regex Lookup();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}

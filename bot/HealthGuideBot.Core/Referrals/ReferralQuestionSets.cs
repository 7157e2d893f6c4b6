namespace HealthGuideBot.Core.Referrals;

/// <summary>The loaded question sets, one per service, and recognition of a service named in free text.</summary>
public sealed class ReferralQuestionSets
{
    private readonly Dictionary<string, ReferralQuestionSet> _sets;

    public ReferralQuestionSets(IEnumerable<ReferralQuestionSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        _sets = new Dictionary<string, ReferralQuestionSet>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            _sets[set.Service] = set;
        }
    }

    /// <summary>The sets in the order of <see cref="ReferralServiceIds.All"/>, then any others.</summary>
    public IReadOnlyList<ReferralQuestionSet> All =>
        [.. _sets.Values.OrderBy(s => Position(s.Service)).ThenBy(s => s.Service, StringComparer.Ordinal)];

    public ReferralQuestionSet? Find(string? serviceId) =>
        serviceId is not null && _sets.TryGetValue(serviceId, out var set) ? set : null;

    /// <summary>
    /// The service named in <paramref name="text"/> ("CAMHS", "the panel", "educational psychologist", "2"),
    /// or null. Longer names win over shorter ones.
    /// </summary>
    public ReferralQuestionSet? Recognise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normalised = Normalise(text);
        var all = All;
        if (int.TryParse(normalised, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
            && position >= 1 && position <= all.Count)
        {
            return all[position - 1];
        }

        ReferralQuestionSet? best = null;
        var bestLength = 0;
        foreach (var set in all)
        {
            foreach (var name in new[] { set.Service.Replace('-', ' '), set.Name }.Concat(set.Aliases))
            {
                var candidate = Normalise(name);
                if (candidate.Length > bestLength && ContainsWords(normalised, candidate))
                {
                    best = set;
                    bestLength = candidate.Length;
                }
            }
        }

        return best;
    }

    private static int Position(string service)
    {
        for (var i = 0; i < ReferralServiceIds.All.Count; i++)
        {
            if (string.Equals(ReferralServiceIds.All[i], service, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static bool ContainsWords(string text, string phrase) =>
        $" {text} ".Contains($" {phrase} ", StringComparison.Ordinal);

    private static string Normalise(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

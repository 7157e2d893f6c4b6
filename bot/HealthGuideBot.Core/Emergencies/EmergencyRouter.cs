using System.Collections.Frozen;
using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Core.Emergencies;

/// <summary>
/// Decides, deterministically and without search, whether a message is an emergency and which emergency document
/// answers it. Tuned for very high recall (typos, slang, all caps, one-word messages) with few false positives on
/// ordinary policy questions. Thread-safe; a call takes microseconds.
/// </summary>
/// <remarks>
/// The synonym list can change while the bot runs (knowledge/synonyms.txt edited, then a re-index): the router reads
/// its source on every call and, when it is a different list, compiles a new immutable routing table and swaps it in
/// atomically. A call always routes with one whole table, old or new, never a mix.
/// </remarks>
public sealed class EmergencyRouter
{
    private readonly Func<SynonymList> _synonyms;
    private readonly EmergencyRoutingTable _table;
    private CompiledRoutes _routes;

    /// <summary>A router with a fixed synonym list.</summary>
    public EmergencyRouter(SynonymList synonyms)
        : this(Fixed(synonyms), EmergencyRoutingTable.Default)
    {
    }

    /// <summary>A router that follows <paramref name="synonyms"/>, e.g. the live index generation's list.</summary>
    public EmergencyRouter(Func<SynonymList> synonyms)
        : this(synonyms, EmergencyRoutingTable.Default)
    {
    }

    internal EmergencyRouter(SynonymList synonyms, EmergencyRoutingTable table)
        : this(Fixed(synonyms), table)
    {
    }

    internal EmergencyRouter(Func<SynonymList> synonyms, EmergencyRoutingTable table)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        ArgumentNullException.ThrowIfNull(table);
        _synonyms = synonyms;
        _table = table;
        _routes = new CompiledRoutes(synonyms() ?? throw new ArgumentException("The synonym source gave no list.", nameof(synonyms)), table);
    }

    /// <summary>The emergency document for <paramref name="message"/>, or null when it is not an emergency.</summary>
    public string? Route(string message) => Explain(message).DocumentId;

    /// <summary>
    /// The routing decision with the evidence behind it. <paramref name="answeringAForm"/> is true while the user is
    /// answering a form's question, where a condition's name is an ordinary answer ("Asthma", "nut allergy", "type 1
    /// diabetes") and a near rule can be a coincidence ("falling behind in reading"): there a message routes only when
    /// it names an acute emergency outright ("he's choking") or says something is happening now ("she can't breathe",
    /// "having a seizure").
    /// </summary>
    public EmergencyRouting Explain(string message, bool answeringAForm = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Current().Explain(message, answeringAForm);
    }

    private CompiledRoutes Current()
    {
        var routes = Volatile.Read(ref _routes);
        var synonyms = _synonyms();
        if (synonyms is null || ReferenceEquals(routes.Synonyms, synonyms))
        {
            return routes;
        }

        // Several threads may compile the same new list at once; one of them wins and every call uses a whole table.
        var compiled = new CompiledRoutes(synonyms, _table);
        var previous = Interlocked.CompareExchange(ref _routes, compiled, routes);
        return ReferenceEquals(previous, routes) ? compiled : previous;
    }

    private static Func<SynonymList> Fixed(SynonymList synonyms)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        return () => synonyms;
    }

    /// <summary>The routing table compiled with one synonym list: immutable, shared by every call that reads it.</summary>
    private sealed class CompiledRoutes
    {
        private const int MaximumMeaningfulWordsForShortMessage = 3;

        private readonly FrozenDictionary<string, Phrase[]> _phrasesByFirstWord;
        private readonly Near[] _nearRules;
        private readonly FrozenSet<string> _vocabulary;
        private readonly string[] _fuzzyCandidates;
        private readonly FrozenSet<string> _protected;
        private readonly FrozenSet<string> _strongCues;
        private readonly string[][] _strongPhrases;
        private readonly FrozenSet<string> _weakCues;
        private readonly FrozenSet<string> _policyCues;
        private readonly string[][] _policyPhrases;
        private readonly FrozenSet<string> _occasionCues;
        private readonly FrozenSet<string> _interrogatives;
        private readonly FrozenSet<string> _fillers;
        private readonly FrozenDictionary<string, int> _priority;

        public CompiledRoutes(SynonymList synonyms, EmergencyRoutingTable table)
        {
            Synonyms = synonyms;
            var groups = synonyms.Groups.Select(group => group.Select(Key).ToArray()).ToArray();
            var kinds = new Dictionary<(string DocumentId, string Phrase), EmergencyTriggerKind>();

            // Synonym expansions first, then the table's own entries, which win where both name the same phrase.
            foreach (var rule in table.Phrases.Where(rule => rule.ExpandSynonyms))
            {
                foreach (var phrase in rule.Phrases.Select(Key))
                {
                    foreach (var group in groups.Where(group => group.Contains(phrase)))
                    {
                        foreach (var member in group)
                        {
                            kinds[(rule.DocumentId, member)] = kinds.TryGetValue((rule.DocumentId, member), out var existing) && existing > rule.Kind
                                ? existing
                                : rule.Kind;
                        }
                    }
                }
            }

            foreach (var rule in table.Phrases)
            {
                foreach (var phrase in rule.Phrases.Select(Key))
                {
                    kinds[(rule.DocumentId, phrase)] = rule.ExpandSynonyms && kinds.TryGetValue((rule.DocumentId, phrase), out var existing) && existing > rule.Kind
                        ? existing
                        : rule.Kind;
                }
            }

            var phrases = kinds
                .Where(entry => entry.Key.Phrase.Length > 0)
                .Select(entry => new Phrase(entry.Key.Phrase.Split(' '), entry.Key.DocumentId, entry.Value))
                .ToArray();
            _phrasesByFirstWord = phrases.GroupBy(phrase => phrase.Words[0], StringComparer.Ordinal)
                .ToFrozenDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);
            _nearRules = table.NearRules
                .Select(rule => new Near(rule.DocumentId, rule.Kind, rule.Window, ToSet(rule.First), ToSet(rule.Second)))
                .ToArray();

            var vocabulary = phrases.SelectMany(phrase => phrase.Words)
                .Concat(_nearRules.SelectMany(rule => rule.First.Concat(rule.Second)))
                .ToFrozenSet(StringComparer.Ordinal);
            _vocabulary = vocabulary;
            _fuzzyCandidates = vocabulary.Where(word => word.Length >= 4 && !word.All(char.IsDigit)).Order(StringComparer.Ordinal).ToArray();
            _protected = ToSet(table.ProtectedWords
                .Concat(table.StrongCues).Concat(table.WeakCues).Concat(table.PolicyCues).Concat(table.OccasionCues).Concat(table.Fillers));
            _strongCues = ToSet(table.StrongCues);
            _strongPhrases = table.StrongPhrases.Select(RouterText.Words).ToArray();
            _weakCues = ToSet(table.WeakCues);
            _policyCues = ToSet(table.PolicyCues);
            _policyPhrases = table.PolicyPhrases.Select(RouterText.Words).ToArray();
            _occasionCues = ToSet(table.OccasionCues);
            _interrogatives = ToSet(table.Interrogatives);
            _fillers = ToSet(table.Fillers);
            _priority = EmergencyDocumentIds.Priority
                .Select((id, index) => (id, index))
                .ToFrozenDictionary(pair => pair.id, pair => pair.index, StringComparer.Ordinal);
        }

        public SynonymList Synonyms { get; }

        public EmergencyRouting Explain(string message, bool answeringAForm)
        {
            var words = RouterText.Words(message);
            if (words.Length == 0)
            {
                return new EmergencyRouting(null, null, 0, null, 0, false, true);
            }

            var corrected = new string[words.Length];
            for (var i = 0; i < words.Length; i++)
            {
                corrected[i] = Correct(words[i]);
            }

            var evidence = new Dictionary<string, Evidence>(StringComparer.Ordinal);
            MatchPhrases(corrected, evidence);
            MatchNearRules(corrected, evidence);

            var strong = CountStrongCues(message, words);
            var hasWhatToDo = _strongPhrases.Any(phrase => ContainsSequence(words, phrase));
            var policy = words.Any(_policyCues.Contains)
                || _policyPhrases.Any(phrase => ContainsSequence(words, phrase))
                || (_interrogatives.Contains(words[0]) && !hasWhatToDo);
            // "Inhaler on a trip", "asthma on the residential": arrangements for an occasion, not an emergency, unless
            // the wording is acute or says something is happening now ("hypo on the trip, help").
            var occasion = words.Any(_occasionCues.Contains);
            var weak = words.Any(_weakCues.Contains);
            var isShort = words.Count(word => !_fillers.Contains(word)) <= MaximumMeaningfulWordsForShortMessage;

            if (evidence.Count == 0)
            {
                return new EmergencyRouting(null, null, 0, null, strong, policy, isShort);
            }

            // The strongest kind of evidence wins, then the condition where minutes matter most: "can't breathe" alone is
            // asthma, but with "nut allergy" (acute anaphylaxis evidence) or "choking" the other card wins. Counting
            // matches is only the last tie-break, so many weak words never outvote one strong one.
            var (candidate, best) = evidence
                .OrderByDescending(entry => entry.Value.Strongest)
                .ThenBy(entry => _priority.GetValueOrDefault(entry.Key, int.MaxValue))
                .ThenByDescending(entry => entry.Value.Score)
                .First() is var top ? (top.Key, top.Value) : default;

            var routed = answeringAForm
                ? !policy && (best.AcutePhrase || (best.Strongest >= EmergencyTriggerKind.Topic && strong > 0))
                : best.Strongest switch
            {
                // "Choking", "collapsed", "can't breathe": an emergency unless it is plainly a question about policy.
                EmergencyTriggerKind.Acute => !policy || strong > 0,

                // "Asthma", "hypo", "seizure": an emergency when short, or when someone is involved or something is happening.
                EmergencyTriggerKind.Topic => policy ? strong >= 2 : occasion ? strong > 0 : strong > 0 || weak || isShort,

                // "EpiPen", "inhaler": only alone, or with enough context; on an occasion only when something is happening.
                _ => !policy && (occasion ? strong > 0 : isShort || strong > 0 || (weak && best.Supporting >= 2)),
            };

            return new EmergencyRouting(routed ? candidate : null, candidate, best.Score, best.Strongest, strong, policy, isShort);
        }

        private string Correct(string word)
        {
            if (_vocabulary.Contains(word) || _protected.Contains(word) || word.Length < 4)
            {
                return word;
            }

            var collapsed = RouterText.CollapseRuns(word, 2);
            if (_vocabulary.Contains(collapsed))
            {
                return collapsed;
            }

            if (word.Length < 5 || word.Any(char.IsDigit))
            {
                return word;
            }

            var maximum = word.Length >= 8 ? 2 : 1;
            string? bestWord = null;
            var bestDistance = maximum + 1;
            foreach (var candidate in _fuzzyCandidates)
            {
                var distance = DamerauLevenshtein.Distance(word, candidate, Math.Min(maximum, bestDistance));
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    bestWord = candidate;
                }
            }

            return bestWord ?? word;
        }

        private void MatchPhrases(string[] words, Dictionary<string, Evidence> evidence)
        {
            var seen = new HashSet<Phrase>();
            for (var i = 0; i < words.Length; i++)
            {
                if (!_phrasesByFirstWord.TryGetValue(words[i], out var candidates))
                {
                    continue;
                }

                foreach (var phrase in candidates)
                {
                    if (MatchesAt(words, i, phrase.Words) && seen.Add(phrase))
                    {
                        Add(evidence, phrase.DocumentId, phrase.Kind, isPhrase: true);
                    }
                }
            }
        }

        private void MatchNearRules(string[] words, Dictionary<string, Evidence> evidence)
        {
            foreach (var rule in _nearRules)
            {
                if (IsNear(words, rule))
                {
                    Add(evidence, rule.DocumentId, rule.Kind, isPhrase: false);
                }
            }
        }

        private static bool IsNear(string[] words, Near rule)
        {
            for (var i = 0; i < words.Length; i++)
            {
                if (!rule.First.Contains(words[i]))
                {
                    continue;
                }

                var from = Math.Max(0, i - rule.Window);
                var to = Math.Min(words.Length - 1, i + rule.Window);
                for (var j = from; j <= to; j++)
                {
                    if (j != i && rule.Second.Contains(words[j]))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private int CountStrongCues(string message, string[] words)
        {
            var count = words.Count(_strongCues.Contains)
                + _strongPhrases.Count(phrase => ContainsSequence(words, phrase));
            if (message.Contains('!', StringComparison.Ordinal))
            {
                count++;
            }

            if (RouterText.IsShouting(message))
            {
                count++;
            }

            return count;
        }

        private static void Add(Dictionary<string, Evidence> evidence, string documentId, EmergencyTriggerKind kind, bool isPhrase)
        {
            var current = evidence.GetValueOrDefault(documentId);
            evidence[documentId] = new Evidence(
                current.Score + (int)kind,
                current.Strongest > kind ? current.Strongest : kind,
                current.Supporting + (kind == EmergencyTriggerKind.Supporting ? 1 : 0),
                current.AcutePhrase || (isPhrase && kind == EmergencyTriggerKind.Acute));
        }

        private static bool ContainsSequence(string[] words, string[] sequence)
        {
            for (var i = 0; i + sequence.Length <= words.Length; i++)
            {
                if (MatchesAt(words, i, sequence))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MatchesAt(string[] words, int start, string[] sequence)
        {
            if (start + sequence.Length > words.Length)
            {
                return false;
            }

            for (var k = 0; k < sequence.Length; k++)
            {
                if (!string.Equals(words[start + k], sequence[k], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Key(string phrase) => string.Join(' ', RouterText.Words(phrase));

        private static FrozenSet<string> ToSet(IEnumerable<string> words) =>
            words.SelectMany(RouterText.Words).ToFrozenSet(StringComparer.Ordinal);

        private sealed record Phrase(string[] Words, string DocumentId, EmergencyTriggerKind Kind);

        private sealed record Near(string DocumentId, EmergencyTriggerKind Kind, int Window, FrozenSet<string> First, FrozenSet<string> Second);

        /// <param name="AcutePhrase">An acute phrase itself matched ("choking", "can't breathe"), not only a near rule.</param>
        private readonly record struct Evidence(int Score, EmergencyTriggerKind Strongest, int Supporting, bool AcutePhrase);
    }
}

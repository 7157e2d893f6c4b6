using System.Collections.Frozen;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;

namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>
/// A question turned into a Lucene query without any query syntax (user text can never be a query operator):
/// one disjunction per word position over title, heading and body, synonyms included. Also knows how to measure how
/// much of the question a section covers, each position weighted by its rarest term (IDF).
/// </summary>
internal sealed class QueryPlan
{
    private const int MaximumPositions = 32;
    private const float TitleBoost = 1f;
    private const float HeadingBoost = 1.5f;
    private const float BodyBoost = 1f;
    private const float TieBreaker = 0.1f;

    // Lucene's English stop words plus the words every question has ("what", "how", "I").
    private static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of",
        "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
        "what", "whats", "what's", "who", "whom", "whose", "how", "when", "where", "which", "why", "do", "does", "did",
        "done", "can", "could", "should", "would", "shall", "may", "might", "must", "i", "i'm", "im", "me", "my", "we",
        "our", "us", "you", "your", "he", "she", "his", "her", "him", "them", "its", "it's", "about", "any", "have",
        "has", "had", "having", "get", "gets", "got", "from", "been", "being", "am", "so", "some", "than", "too", "very",
        "also", "just", "please", "there's", "here", "out", "up", "off", "over", "again", "all", "more", "most", "other",
        "tell", "know", "need", "needs", "want", "wants", "happen", "happens", "ok", "okay", "hi", "hello", "thanks",
    }.ToFrozenSet(StringComparer.Ordinal);

    // School-life words that the knowledge base uses only in passing ("each half term", "the school office"). A
    // question made only of these ("what time is the staff meeting?") is not a health question, so they are not
    // searched for; beside a health word they add nothing but noise ("pupil" matching the heading "Pupils").
    // Words the knowledge base never uses ("wifi", "password") need no entry: being unknown, they count against
    // a section's coverage of the question, which is what makes such questions fall below the answer threshold.
    private static readonly FrozenSet<string> NonTopicWords = new[]
    {
        "school", "schools", "staff", "pupil", "pupils", "child", "children", "student", "students", "time", "times",
        "today", "term", "half", "lunch", "lunchtime", "meeting", "meetings", "room", "office", "email", "system",
        "car", "code", "log",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] SearchedFields = [KnowledgeIndexFields.Title, KnowledgeIndexFields.Heading, KnowledgeIndexFields.Body];

    private readonly Position[] _positions;

    // Each distinct term's looked-up state in each searched field (SearchedFields order): the query, the weights and the
    // coverage test all reuse it, so the terms dictionary is searched once per term and field.
    private readonly Dictionary<string, TermContext[]> _contexts;

    private QueryPlan(Query query, WeightedTerm[] highlightTerms, Position[] positions, int knownCount, Dictionary<string, TermContext[]> contexts)
    {
        Query = query;
        HighlightTerms = highlightTerms;
        _positions = positions;
        KnownCount = knownCount;
        _contexts = contexts;
    }

    public Query Query { get; }

    /// <summary>The question's terms, weighted by rarity, for the highlighter.</summary>
    public WeightedTerm[] HighlightTerms { get; }

    public int PositionCount => _positions.Length;

    public int KnownCount { get; }

    public static QueryPlan? Create(string question, KnowledgeAnalyzer analyzer, IndexReader reader, int sectionCount)
    {
        var terms = analyzer.Terms(question);
        var kept = terms
            .Where(term => term.IsSynonym || (!StopWords.Contains(Surface(question, term)) && !NonTopicWords.Contains(Surface(question, term))))
            .ToList();
        var groups = kept
            .GroupBy(term => term.Position)
            .OrderBy(group => group.Key)
            .Take(MaximumPositions)
            .ToList();
        var contexts = new Dictionary<string, TermContext[]>(StringComparer.Ordinal);
        foreach (var term in groups.SelectMany(group => group).Select(term => term.Term))
        {
            if (!contexts.ContainsKey(term))
            {
                contexts[term] = Array.ConvertAll(SearchedFields, field => TermContext.Build(reader.Context, new Term(field, term)));
            }
        }

        var positions = groups
            .Select(group => new Position(
                group.Key,
                group.Select(term => term.Term).Distinct(StringComparer.Ordinal).ToArray(),
                group.Where(term => term.IsSynonym).Select(term => (term.Term, term.PositionLength)).ToArray(),
                Weight(group.Where(term => !term.IsSynonym).Select(term => term.Term).DefaultIfEmpty(group.First().Term), contexts, sectionCount),
                group.Any(term => DocumentFrequency(term.Term, contexts) > 0)))
            .ToArray();
        // Nothing left to search for, or only numbers ("what is 2+2"): there is no question about the knowledge base.
        if (positions.Length == 0 || positions.All(position => position.Terms.All(term => term.All(char.IsAsciiDigit))))
        {
            return null;
        }

        var query = new BooleanQuery();
        var highlight = new List<WeightedTerm>();
        foreach (var position in positions)
        {
            var disjunction = new DisjunctionMaxQuery(TieBreaker);
            foreach (var term in position.Terms)
            {
                var states = contexts[term];
                disjunction.Add(new TermQuery(new Term(KnowledgeIndexFields.Title, term), states[0]) { Boost = TitleBoost });
                disjunction.Add(new TermQuery(new Term(KnowledgeIndexFields.Heading, term), states[1]) { Boost = HeadingBoost });
                disjunction.Add(new TermQuery(new Term(KnowledgeIndexFields.Body, term), states[2]) { Boost = BodyBoost });
                highlight.Add(new WeightedTerm((float)position.Weight, term));
            }

            query.Add(disjunction, Occur.SHOULD);
        }

        return new QueryPlan(query, highlight.ToArray(), positions, positions.Count(position => position.Known), contexts);
    }

    /// <summary>
    /// For each of <paramref name="docIds"/> (top-level doc ids of <paramref name="reader"/>, the reader the plan was
    /// made with), the question's terms that occur in that section's title, heading or body: read from the postings of
    /// those few terms (the states the plan already looked up), not from the section's term vectors.
    /// </summary>
    public HashSet<string>[] MatchedTerms(IndexReader reader, IReadOnlyList<int> docIds)
    {
        var matched = new HashSet<string>[docIds.Count];
        for (var i = 0; i < matched.Length; i++)
        {
            matched[i] = new HashSet<string>(StringComparer.Ordinal);
        }

        var order = Enumerable.Range(0, docIds.Count).OrderBy(i => docIds[i]).ToArray();
        var leaves = reader.Leaves;
        DocsEnum? reuse = null;
        foreach (var (term, states) in _contexts)
        {
            var bytes = new BytesRef(term);
            for (var field = 0; field < SearchedFields.Length; field++)
            {
                if (states[field].DocFreq == 0)
                {
                    continue;
                }

                DocsEnum? docs = null;
                var leafOrd = -1;
                foreach (var i in order)
                {
                    var doc = docIds[i];
                    var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
                    if (leaf.Ord != leafOrd)
                    {
                        leafOrd = leaf.Ord;
                        docs = null;
                        if (states[field].Get(leaf.Ord) is { } state
                            && leaf.AtomicReader.GetTerms(SearchedFields[field]) is { } fieldTerms)
                        {
                            var termsEnum = fieldTerms.GetEnumerator();
                            termsEnum.SeekExact(bytes, state);
                            docs = reuse = termsEnum.Docs(null, reuse, DocsFlags.NONE);
                        }
                    }

                    var target = doc - leaf.DocBase;
                    if (docs is null)
                    {
                        continue;
                    }

                    var current = docs.DocID;
                    if (current < target)
                    {
                        current = docs.Advance(target);
                    }

                    if (current == target)
                    {
                        matched[i].Add(term);
                    }
                }
            }
        }

        return matched;
    }

    /// <summary>The weighted share (0–1) of the question's positions whose terms appear in <paramref name="sectionTerms"/>.</summary>
    public double Coverage(IReadOnlySet<string> sectionTerms)
    {
        var covered = new HashSet<int>();
        foreach (var position in _positions)
        {
            if (position.Terms.Any(sectionTerms.Contains))
            {
                covered.Add(position.Index);
            }

            foreach (var (term, length) in position.Synonyms)
            {
                if (length > 1 && sectionTerms.Contains(term))
                {
                    for (var p = position.Index; p < position.Index + length; p++)
                    {
                        covered.Add(p);
                    }
                }
            }
        }

        var total = _positions.Sum(position => position.Weight);
        return total <= 0 ? 0 : _positions.Where(position => covered.Contains(position.Index)).Sum(position => position.Weight) / total;
    }

    private static string Surface(string question, AnalyzedTerm term) =>
        term.EndOffset <= question.Length && term.StartOffset < term.EndOffset
            ? question[term.StartOffset..term.EndOffset].ToLowerInvariant().Replace('\u2019', '\'')
            : term.Term;

    private static double Weight(IEnumerable<string> terms, Dictionary<string, TermContext[]> contexts, int sectionCount) =>
        terms.Max(term =>
        {
            var frequency = DocumentFrequency(term, contexts);
            return Math.Log(1 + ((sectionCount - frequency + 0.5) / (frequency + 0.5)));
        });

    private static int DocumentFrequency(string term, Dictionary<string, TermContext[]> contexts) =>
        contexts.TryGetValue(term, out var states) ? states.Max(state => state.DocFreq) : 0;

    private sealed record Position(int Index, string[] Terms, (string Term, int Length)[] Synonyms, double Weight, bool Known);
}

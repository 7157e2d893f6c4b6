using System.Collections.Frozen;
using HealthGuideBot.Core.Knowledge;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>
/// The one analyser for indexing and querying: standard tokenizer → lower case → UK/US folding → English possessive
/// → Porter stemming → synonyms. Each synonym group from knowledge/synonyms.txt becomes one extra token
/// (<c>syn042</c>) stacked on every member, single words and phrases alike, so "EpiPen" and "adrenaline
/// auto-injector" meet on the same term while the original words stay searchable. Synonyms run after stemming
/// (their phrases are stemmed the same way), so "seizures" and "fitting" find the group too.
/// Stop words are kept in the index; the search ignores them in questions.
/// </summary>
internal sealed class KnowledgeAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
    public const string SynonymTokenPrefix = "syn";

    // Words Porter would wrongly merge into a synonym-group word: "fitness" and "fitted" must not become "fit" (a seizure).
    private static readonly CharArraySet NotStemmed = new(Version, ["fitness", "fitted", "fitter", "fittings", "fitter's"], ignoreCase: false);

    private readonly FrozenDictionary<string, SynonymPhrase[]>? _synonyms;

    private KnowledgeAnalyzer(FrozenDictionary<string, SynonymPhrase[]>? synonyms) => _synonyms = synonyms;

    public static KnowledgeAnalyzer Create(SynonymList synonyms)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        using var plain = new KnowledgeAnalyzer(null);
        var phrases = new List<SynonymPhrase>();
        for (var group = 0; group < synonyms.Groups.Count; group++)
        {
            var token = SynonymToken(group);
            phrases.AddRange(synonyms.Groups[group]
                .Select(term => plain.Terms(term).Select(analysed => analysed.Term).ToArray())
                .Where(words => words.Length > 0)
                .Select(words => new SynonymPhrase(words, token)));
        }

        // The same words can reach one group twice ("seizure", "seizures" both stem to "seizur"): keep one.
        var byFirstWord = phrases
            .DistinctBy(phrase => string.Join(' ', phrase.Words) + "|" + phrase.Token)
            .GroupBy(phrase => phrase.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);
        return new KnowledgeAnalyzer(byFirstWord.Count > 0 ? byFirstWord : null);
    }

    public static string SynonymToken(int group) => SynonymTokenPrefix + group.ToString("000", System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsSynonymToken(string term) =>
        term.Length == SynonymTokenPrefix.Length + 3 && term.StartsWith(SynonymTokenPrefix, StringComparison.Ordinal) && term[^3..].All(char.IsAsciiDigit);

    /// <summary>Analyses <paramref name="text"/> into terms with positions and offsets.</summary>
    public IReadOnlyList<AnalyzedTerm> Terms(string text, string field = KnowledgeIndexFields.Body)
    {
        var terms = new List<AnalyzedTerm>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var length = stream.AddAttribute<IPositionLengthAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add(new AnalyzedTerm(term.ToString(), Math.Max(0, position), Math.Max(1, length.PositionLength), offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return terms;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new SpellingVariantFilter(stream);
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new SetKeywordMarkerFilter(stream, NotStemmed);
        stream = new PorterStemFilter(stream);
        if (_synonyms is not null)
        {
            stream = new SynonymGroupFilter(stream, _synonyms);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }
}

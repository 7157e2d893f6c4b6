using HealthGuideBot.Core.Knowledge;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>Folds UK/US spellings with <see cref="SpellingVariants"/>, the same rules the emergency router uses.</summary>
internal sealed class SpellingVariantFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public SpellingVariantFilter(TokenStream input)
        : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public sealed override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var word = _term.ToString();
        var folded = SpellingVariants.Fold(word);
        if (!ReferenceEquals(word, folded) && !string.Equals(word, folded, StringComparison.Ordinal))
        {
            _term.SetEmpty().Append(folded);
        }

        return true;
    }
}

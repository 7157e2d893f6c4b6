using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Core.Questions;

/// <summary>What a composer produced from the evidence.</summary>
/// <param name="Text">The answer text; empty when the composer has nothing to say.</param>
/// <param name="Sources">
/// The sections the text rests on, best first: always a subset of <see cref="AnswerEvidence.Hits"/> (the answerer
/// ignores any other), and what the answer cites.
/// </param>
/// <param name="IsGenerated">True when a language model wrote the text; false when it is quoted verbatim.</param>
public sealed record ComposedAnswer(string Text, IReadOnlyList<KnowledgeHit> Sources, bool IsGenerated)
{
    /// <summary>Nothing to say.</summary>
    public static ComposedAnswer Empty { get; } = new(string.Empty, [], false);

    /// <summary>The section's highlighted excerpt, verbatim, citing that section.</summary>
    public static ComposedAnswer Quote(KnowledgeHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new ComposedAnswer(hit.HighlightedExcerpt, [hit], false);
    }
}

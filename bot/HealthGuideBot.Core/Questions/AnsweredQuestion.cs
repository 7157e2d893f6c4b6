namespace HealthGuideBot.Core.Questions;

/// <summary>The best section answers the question.</summary>
/// <param name="Excerpt">
/// Text from the approved section only, matched words in <c>**bold**</c>; or, when <see cref="IsGenerated"/>, an answer
/// written from the cited sections only.
/// </param>
/// <param name="Citations">The cited section(s): document title, section, reviewed date.</param>
/// <param name="Confidence">0–1: how much of the question the section covers, weighted by term rarity.</param>
public sealed record AnsweredQuestion(string Excerpt, IReadOnlyList<Citation> Citations, double Confidence) : QuestionOutcome
{
    public override IReadOnlyList<Citation> Citations { get; } = Citations;

    /// <summary>
    /// True when a language model wrote <see cref="Excerpt"/> from the cited sections (the optional generated-answer
    /// composer); the reply must say so. False when the excerpt is quoted verbatim.
    /// </summary>
    public bool IsGenerated { get; init; }
}

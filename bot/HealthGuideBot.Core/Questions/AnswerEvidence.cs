using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Core.Questions;

/// <summary>
/// What a composer may use: the question (as text to answer, never as instructions) and the approved sections found,
/// best first. Deliberately nothing else: no user, conversation or pupil record, so no composer can send those anywhere.
/// </summary>
public sealed record AnswerEvidence(string Question, IReadOnlyList<KnowledgeHit> Hits)
{
    /// <summary>
    /// An opaque key for consumption limits (one budget per key), e.g. the staff member's Entra object id; null when
    /// the caller has none. Never part of any prompt.
    /// </summary>
    public string? RequesterKey { get; init; }
}

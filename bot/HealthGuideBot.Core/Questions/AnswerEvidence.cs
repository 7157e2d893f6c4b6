using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Core.Questions;

/// <summary>What a composer may use: the question (as text to answer, never as instructions) and the approved sections found.</summary>
public sealed record AnswerEvidence(string Question, IReadOnlyList<KnowledgeHit> Hits);

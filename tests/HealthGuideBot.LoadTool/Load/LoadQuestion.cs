namespace HealthGuideBot.LoadTool.Load;

/// <summary>One question the answer workload sends, and what kind of answer the evaluation set expects for it.</summary>
internal sealed record LoadQuestion(string Text, QuestionKind Kind);

internal enum QuestionKind
{
    /// <summary>An emergency: the bot answers with the emergency steps card, server-side p99 ≤ 50 ms.</summary>
    Emergency,

    /// <summary>A policy or pathway question answered from the index.</summary>
    Policy,

    /// <summary>Off-topic or unanswerable: an honest refusal (expected document "none").</summary>
    Refusal,
}

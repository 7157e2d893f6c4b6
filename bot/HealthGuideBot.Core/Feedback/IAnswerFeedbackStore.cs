namespace HealthGuideBot.Core.Feedback;

/// <summary>Keeps answer feedback and unanswered questions, and reports them to the content owner.</summary>
public interface IAnswerFeedbackStore
{
    Task RecordAsync(AnswerFeedback feedback, CancellationToken cancellationToken);

    /// <summary>Everything recorded since <paramref name="since"/>, newest first, at most <paramref name="limit"/> rows.</summary>
    Task<IReadOnlyList<AnswerFeedback>> ListSinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);
}

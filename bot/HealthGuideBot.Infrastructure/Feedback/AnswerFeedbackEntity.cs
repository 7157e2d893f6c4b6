namespace HealthGuideBot.Infrastructure.Feedback;

/// <summary>A stored <see cref="Core.Feedback.AnswerFeedback"/>.</summary>
internal sealed class AnswerFeedbackEntity
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Kind { get; set; }

    public string? DocumentId { get; set; }

    public string? RedactedQuestion { get; set; }
}

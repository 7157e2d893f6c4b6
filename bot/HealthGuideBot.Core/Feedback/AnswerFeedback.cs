namespace HealthGuideBot.Core.Feedback;

/// <summary>
/// What staff thought of an answer, or a question the bot could not answer, for the content owner's report. It holds
/// no pupil data: no user, no conversation, and a question only after <see cref="QuestionRedactor"/> has removed
/// names, numbers, dates and addresses.
/// </summary>
/// <param name="At">When (UTC).</param>
/// <param name="Kind">One of <see cref="FeedbackKinds"/>.</param>
/// <param name="DocumentId">The cited document, for helpful and not-helpful votes.</param>
/// <param name="RedactedQuestion">For unanswered questions and "did you mean": the redacted question.</param>
public sealed record AnswerFeedback(DateTimeOffset At, string Kind, string? DocumentId, string? RedactedQuestion);

/// <summary>The kinds of feedback recorded.</summary>
public static class FeedbackKinds
{
    public const string Helpful = "helpful";
    public const string NotHelpful = "not-helpful";
    public const string Unanswered = "unanswered";
    public const string DidYouMean = "did-you-mean";
}

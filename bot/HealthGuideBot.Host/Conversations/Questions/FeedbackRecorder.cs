using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Core.Feedback;

namespace HealthGuideBot.Host.Conversations.Questions;

/// <summary>
/// Records the helpful / not helpful buttons on every answer, and questions the bot could not answer, for the
/// content owner's report. Nothing about the person or the pupil is kept: no user, no conversation, and questions
/// only after <see cref="QuestionRedactor"/>.
/// </summary>
internal sealed class FeedbackRecorder
{
    public const string HelpfulVerb = "feedback.helpful";
    public const string NotHelpfulVerb = "feedback.unhelpful";

    private readonly IAnswerFeedbackStore _store;
    private readonly TimeProvider _time;

    public FeedbackRecorder(IAnswerFeedbackStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    public Task RecordUnansweredAsync(string question, string kind, CancellationToken cancellationToken) =>
        _store.RecordAsync(new AnswerFeedback(_time.GetUtcNow(), kind, null, QuestionRedactor.Redact(question)), cancellationToken);

    public async Task<AdaptiveCardInvokeResponse> RecordVoteAsync(CardActionRequest action, CancellationToken cancellationToken)
    {
        var kind = action.Verb == HelpfulVerb ? FeedbackKinds.Helpful : FeedbackKinds.NotHelpful;
        var documentId = action.GetString("documentId") is { Length: > 0 and <= 128 } id ? id : null;
        await _store.RecordAsync(new AnswerFeedback(_time.GetUtcNow(), kind, documentId, null), cancellationToken);
        return AdaptiveCardInvokeResponse.Message(kind == FeedbackKinds.Helpful
            ? "Thanks, that's recorded."
            : "Thanks for telling me. The document's owner will see that this answer didn't help.");
    }
}

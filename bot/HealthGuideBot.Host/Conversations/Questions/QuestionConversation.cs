using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Core.Feedback;
using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Core.Questions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Host.Conversations.Questions;

/// <summary>
/// Any question that is not an emergency and not a command: answered from the approved documents with the exact
/// section cited, or "did you mean" with the closest sections, or an honest "I don't have an approved answer; ask
/// &lt;role&gt;". The question is only ever searched for, never followed as an instruction.
/// </summary>
internal sealed partial class QuestionConversation
{
    public const string SectionVerb = "question.section";

    private const string SafetyLine = "If someone is seriously ill or injured, **call 999** now.";

    private readonly QuestionAnswerer _answerer;
    private readonly IKnowledgeSearch _knowledge;
    private readonly CardTemplateLibrary _cards;
    private readonly QuestionAnsweringOptions _options;
    private readonly TimeProvider _time;
    private readonly FeedbackRecorder _feedback;
    private readonly ILogger<QuestionConversation> _logger;

    public QuestionConversation(
        QuestionAnswerer answerer,
        IKnowledgeSearch knowledge,
        CardTemplateLibrary cards,
        IOptions<QuestionAnsweringOptions> options,
        TimeProvider time,
        FeedbackRecorder feedback,
        ILogger<QuestionConversation> logger)
    {
        _logger = logger;
        _answerer = answerer;
        _knowledge = knowledge;
        _cards = cards;
        _options = options.Value;
        _time = time;
        _feedback = feedback;
    }

    public async Task ReplyAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var question = turn.Activity.Text ?? string.Empty;
        // The requester key gives each member of staff their own budget for generated answers (when those are on).
        var outcome = await _answerer.AnswerAsync(question, turn.Activity.From?.AadObjectId ?? turn.Activity.From?.Id, cancellationToken);
        switch (outcome)
        {
            case AnsweredQuestion answered:
                await SendAnswerAsync(turn, answered.Excerpt, answered.Citations, answered.Confidence, answered.IsGenerated, cancellationToken);
                break;
            case DidYouMean didYouMean:
                var model = new DidYouMeanCardModel(
                    didYouMean.AskRole,
                    [.. didYouMean.Suggestions.Select(s => new SuggestionLine(s.Source.Title, s.Source.Section, s.Source.SectionId))]);
                await turn.SendActivityAsync(
                    MessageFactory.Card(_cards.Get("questions/did-you-mean").Bind(model, QuestionsJsonContext.Default.DidYouMeanCardModel), "Did you mean…"),
                    cancellationToken);
                await RecordUnansweredAsync(question, FeedbackKinds.DidYouMean, cancellationToken);
                break;
            case NoApprovedAnswer refusal:
                await turn.SendActivityAsync(MessageFactory.Text($"{refusal.Message}\n\n{SafetyLine}"), cancellationToken);
                await RecordUnansweredAsync(question, FeedbackKinds.Unanswered, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// Notes the question for the content owner's report, after the reply has gone: the reply never waits for the
    /// database. The report is not a record of care, so a failed write is logged (no text) and the turn still succeeds;
    /// failing it would make Teams deliver the question again and the user would get the same reply twice.
    /// </summary>
    private async Task RecordUnansweredAsync(string question, string kind, CancellationToken cancellationToken)
    {
        try
        {
            await _feedback.RecordUnansweredAsync(question, kind, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.UnansweredNotRecorded(_logger, kind, exception.GetType().FullName, exception);
        }
    }

    /// <summary>A "did you mean" choice: the chosen section, cited.</summary>
    public Task<AdaptiveCardInvokeResponse> ShowSectionAsync(CardActionRequest action, CancellationToken cancellationToken) =>
        Task.FromResult(ShowSection(action, cancellationToken));

    private AdaptiveCardInvokeResponse ShowSection(CardActionRequest action, CancellationToken cancellationToken)
    {
        var sectionId = action.GetString("sectionId");
        if (sectionId is null || _knowledge.FindSection(sectionId) is not { } section || _knowledge.FindDocument(section.DocumentId) is not { } document)
        {
            return AdaptiveCardInvokeResponse.Message($"That section is no longer in the approved documents. Please ask again, or ask {_options.AskRole}.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var today = DateOnly.FromDateTime(_time.GetLocalNow().DateTime);
        var source = SourceReference.For(document, section);
        return AdaptiveCardInvokeResponse.Card(AnswerCard(section.Text, [new Citation(source, source.IsOverdue(today))], 1.0, generated: false));
    }

    private Task<ResourceResponse> SendAnswerAsync(ITurnContext turn, string excerpt, IReadOnlyList<Citation> citations, double confidence, bool generated, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(MessageFactory.Card(AnswerCard(excerpt, citations, confidence, generated), citations.Count > 0 ? citations[0].Source.Title : "Answer"), cancellationToken);

    private System.Text.Json.Nodes.JsonObject AnswerCard(string excerpt, IReadOnlyList<Citation> citations, double confidence, bool generated) =>
        _cards.Get("questions/answer").Bind(AnswerCardModel.From(excerpt, citations, confidence, _options.AskRole, generated), QuestionsJsonContext.Default.AnswerCardModel);

    private static partial class Log
    {
        // EventIds 3300–3309: questions. Next: 3301.
        [LoggerMessage(3300, LogLevel.Warning, "A {Kind} question could not be noted for the content owner's report: {ExceptionType}")]
        public static partial void UnansweredNotRecorded(ILogger logger, string kind, string? exceptionType, Exception exception);
    }
}

using System.Globalization;
using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Core.Questions;
using HealthGuideBot.Host.Conversations.Emergency;

namespace HealthGuideBot.Host.CommandLine;

/// <summary>
/// Answers a question exactly as the bot would in Teams (the emergency router first, then the question answerer),
/// as an <see cref="AskResult"/>: the same code path, without Teams.
/// </summary>
internal sealed class Asker
{
    private readonly EmergencyRouter _router;
    private readonly EmergencyResponder _responder;
    private readonly QuestionAnswerer _answerer;

    public Asker(EmergencyRouter router, EmergencyResponder responder, QuestionAnswerer answerer)
    {
        _router = router;
        _responder = responder;
        _answerer = answerer;
    }

    public async Task<AskResult> AskAsync(string question, CancellationToken cancellationToken)
    {
        var text = BotFramework.Turns.TextSanitizer.RemoveInvisible(question).Trim();
        if (_router.Route(text) is { } documentId && _responder.Respond(documentId) is { } emergency)
        {
            return new AskResult(true, emergency.DocumentId, EmergencyConversation.AsText(emergency), [Cite(emergency.Source)], 1.0);
        }

        return await _answerer.AnswerAsync(text, "command-line", cancellationToken) switch
        {
            AnsweredQuestion answered => new AskResult(
                false,
                answered.Citations.Count > 0 ? answered.Citations[0].Source.DocumentId : null,
                answered.Excerpt,
                [.. answered.Citations.Select(c => Cite(c.Source))],
                Math.Round(answered.Confidence, 3)),
            DidYouMean didYouMean => new AskResult(
                false,
                null,
                "Did you mean: " + string.Join("; ", didYouMean.Suggestions.Select(s => $"{s.Source.Title} ({s.Source.Section})")) + $"? Otherwise ask {didYouMean.AskRole}.",
                [.. didYouMean.Suggestions.Select(s => Cite(s.Source))],
                Math.Round(didYouMean.Confidence, 3)),
            NoApprovedAnswer refusal => new AskResult(false, null, refusal.Message, [], 0),
            var other => throw new InvalidOperationException($"Unknown question outcome {other.GetType().Name}."),
        };
    }

    private static AskCitation Cite(SourceReference source) =>
        new(source.DocumentId, source.Title, source.Section, source.Reviewed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

using System.Text;
using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Host.Conversations.Emergency;

/// <summary>
/// The emergency path: a deterministic router picks the emergency document and the reply is built only from that
/// approved document and the school's profile. Nothing here can reach an answer composer or a language model
/// (an architecture test holds this class and its dependencies to that). It runs before dialogs and every other
/// route, so an emergency typed in the middle of a form still gets the steps at once; while a form is waiting for an
/// answer, only acute wording routes (<see cref="EmergencyRouter.Explain"/>), so "Asthma" as the answer to "Condition?"
/// reaches the form.
/// </summary>
internal sealed class EmergencyConversation
{
    private readonly EmergencyRouter _router;
    private readonly EmergencyResponder _responder;
    private readonly IKnowledgeSearch _knowledge;
    private readonly CardTemplateLibrary _cards;
    private readonly DialogManager _dialogs;

    public EmergencyConversation(EmergencyRouter router, EmergencyResponder responder, IKnowledgeSearch knowledge, CardTemplateLibrary cards, DialogManager dialogs)
    {
        _dialogs = dialogs;
        _router = router;
        _responder = responder;
        _knowledge = knowledge;
        _cards = cards;
    }

    /// <summary>Answers the turn when its text is an emergency; returns false otherwise.</summary>
    public async Task<bool> TryAnswerAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(turn.Activity.Text)
            || _router.Route(turn.Activity.Text) is not { } documentId)
        {
            return false;
        }

        // Someone answering a form's question ("Condition?" "Asthma") is not reporting an emergency unless the words
        // say so outright; the form takes the answer. Checked only when the message would route, so ordinary turns
        // pay nothing for it.
        if (await _dialogs.GetActiveDialogIdAsync(turn, cancellationToken) is not null
            && _router.Explain(turn.Activity.Text, answeringAForm: true).DocumentId is null)
        {
            return false;
        }

        if (_responder.Respond(documentId) is not { } answer)
        {
            return false;
        }

        Activity reply;
        try
        {
            var owner = _knowledge.FindDocument(answer.DocumentId)?.Owner ?? "the document's owner";
            var card = _cards.Get("emergency/emergency-steps").Bind(EmergencyCardModel.From(answer, owner), EmergencyJsonContext.Default.EmergencyCardModel);
            reply = MessageFactory.Card(card, answer.CallNineNineNineLine ?? answer.Title);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException)
        {
            // The card could not be built: the same approved words, as plain text, rather than nothing.
            reply = MessageFactory.Text(AsText(answer));
        }

        await turn.SendActivityAsync(reply, cancellationToken);
        return true;
    }

    /// <summary>The approved procedure as plain text: "call 999" first where it applies, the steps, the source.</summary>
    internal static string AsText(EmergencyAnswer answer)
    {
        var text = new StringBuilder();
        text.Append("**").Append(answer.Title).Append("**\n\n");
        var number = 1;
        foreach (var line in answer.ActionLines)
        {
            text.Append(number++).Append(". ").Append(line).Append("\n\n");
        }

        text.Append("Source: ").Append(answer.Source.Title).Append(", reviewed ").Append(SourceLine.UkDate(answer.Source.Reviewed)).Append('.');
        return text.ToString();
    }
}

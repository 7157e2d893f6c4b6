using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.Host.Conversations;

/// <summary>What the user sees when a turn fails: humane, no detail, and the safe route for an emergency.</summary>
internal sealed class ApologyOnError : ITurnErrorHandler
{
    public Task OnTurnErrorAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(
            MessageFactory.Text(
                "Sorry, something went wrong on my side and I couldn't finish that. Please try again in a moment.\n\n"
                + "**If this is an emergency, call 999 now** and follow your school's emergency procedure."),
            cancellationToken);
}

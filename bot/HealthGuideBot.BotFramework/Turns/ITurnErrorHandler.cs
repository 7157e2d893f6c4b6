namespace HealthGuideBot.BotFramework.Turns;

/// <summary>
/// Says something humane to the user when a turn fails (the single error boundary calls it after logging). It must
/// not reveal the error: no exception text, no stack trace, no data.
/// </summary>
public interface ITurnErrorHandler
{
    Task OnTurnErrorAsync(ITurnContext turn, CancellationToken cancellationToken);
}

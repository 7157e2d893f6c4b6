using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.BotFramework.Turns;

/// <summary>The application: handles one turn, usually by handing it to an <see cref="ActivityRouter"/>.</summary>
public interface IBot
{
    /// <summary>Handles a turn; returns the invoke response for an invoke activity, otherwise null.</summary>
    Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken);
}

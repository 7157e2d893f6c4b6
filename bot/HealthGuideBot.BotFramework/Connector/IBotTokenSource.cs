namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// One request to an identity endpoint for a Bot Connector token. Throws <see cref="BotTokenException"/>, with
/// <see cref="BotTokenException.IsTransient"/> set when trying again later may succeed.
/// </summary>
internal interface IBotTokenSource
{
    Task<BotToken> RequestTokenAsync(CancellationToken cancellationToken);
}

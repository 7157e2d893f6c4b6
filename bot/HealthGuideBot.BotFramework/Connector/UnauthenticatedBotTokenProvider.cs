namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// Registered when authentication is disabled (local development): the connector client attaches no token then, so
/// being asked for one is a bug, and it fails loudly rather than sending something.
/// </summary>
internal sealed class UnauthenticatedBotTokenProvider : IBotTokenProvider
{
    private const string Message = "Authentication is disabled (no MicrosoftAppId), so the bot has no outbound token.";

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) =>
        ValueTask.FromException<string>(new InvalidOperationException(Message));

    public ValueTask<string> RefreshAfterRejectionAsync(string rejectedToken, CancellationToken cancellationToken) =>
        ValueTask.FromException<string>(new InvalidOperationException(Message));
}

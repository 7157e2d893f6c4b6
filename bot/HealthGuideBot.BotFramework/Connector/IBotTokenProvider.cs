namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// The bot's outbound token for the Bot Connector, cached and refreshed before it expires. Failures surface as
/// <see cref="BotTokenException"/>; the token itself never appears in logs or exception messages.
/// </summary>
internal interface IBotTokenProvider
{
    /// <summary>A token valid for at least the next minute.</summary>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called after the connector answered 401 to <paramref name="rejectedToken"/>: fetches a new token unless another
    /// caller already replaced that one, so concurrent 401s cause one refresh.
    /// </summary>
    ValueTask<string> RefreshAfterRejectionAsync(string rejectedToken, CancellationToken cancellationToken);
}

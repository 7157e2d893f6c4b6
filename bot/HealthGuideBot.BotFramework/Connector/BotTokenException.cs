namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// The bot could not get its outbound token. Nothing was sent. When <see cref="IsTransient"/> is true (throttled or
/// unavailable identity endpoint) the caller should keep the message and try later; otherwise the configuration is
/// wrong (app id, secret, tenant or managed identity) and the message says which setting to check. Never carries a
/// token or a secret.
/// </summary>
public sealed class BotTokenException : Exception
{
    public BotTokenException(string message, bool isTransient, string? errorCode, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        ErrorCode = errorCode;
    }

    public BotTokenException()
    {
    }

    public BotTokenException(string message)
        : base(message)
    {
    }

    public BotTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the identity endpoint was throttled or unavailable: trying again later may succeed.</summary>
    public bool IsTransient { get; }

    /// <summary>The OAuth error code (for example <c>invalid_client</c>, <c>temporarily_unavailable</c>), if any.</summary>
    public string? ErrorCode { get; }

    /// <summary>How long the endpoint asked us to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

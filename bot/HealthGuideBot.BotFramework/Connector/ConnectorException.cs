using System.Net;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// The connector refused a call after the retry policy gave up. <see cref="ErrorCode"/> is the channel's error code
/// where it sent one (for example <c>BotNotInConversationRoster</c>); the message never carries a token.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(HttpStatusCode statusCode, string? errorCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HttpStatusCode StatusCode { get; }

    public string? ErrorCode { get; }

    /// <summary>True when the bot was removed or blocked from the conversation (403): stop sending there.</summary>
    public bool IsBotRemovedFromConversation => StatusCode == HttpStatusCode.Forbidden;

    /// <summary>
    /// True when the send may have been delivered although it failed (an ambiguous 5xx): a retry could duplicate it.
    /// </summary>
    public bool PossiblyDelivered { get; init; }

    /// <summary>How long the connector asked the bot to wait (a 429's Retry-After), when the client gave up before then.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

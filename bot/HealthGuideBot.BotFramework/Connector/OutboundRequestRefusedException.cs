namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// The connector client refused a call before any request was made, so nothing was sent and no token left the
/// process. Retrying the same call cannot succeed: fix the input (split the card, check the conversation reference).
/// </summary>
public sealed class OutboundRequestRefusedException : Exception
{
    public OutboundRequestRefusedException(OutboundRefusalReason reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public OutboundRequestRefusedException()
    {
    }

    public OutboundRequestRefusedException(string message)
        : base(message)
    {
    }

    public OutboundRequestRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OutboundRefusalReason Reason { get; }

    /// <summary>For <see cref="OutboundRefusalReason.ActivityTooLarge"/>: the serialized size in bytes.</summary>
    public int? ActivityBytes { get; init; }

    /// <summary>For <see cref="OutboundRefusalReason.ActivityTooLarge"/>: the configured limit in bytes.</summary>
    public int? LimitBytes { get; init; }
}

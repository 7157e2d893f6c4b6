namespace HealthGuideBot.Infrastructure.Notifications;

/// <summary>
/// One proactive notification's once-only record (<c>notification_ledger</c>): claimed before the send, finished
/// after it. The key is the caller's deterministic key; no message text is kept.
/// </summary>
internal sealed class NotificationLedgerEntity
{
    public required string Key { get; set; }

    public required string UserId { get; set; }

    public NotificationLedgerState State { get; set; }

    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>When the channel accepted the message; null until then.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The conversation it went to, for support.</summary>
    public string? ConversationId { get; set; }

    /// <summary>The id the channel gave the message.</summary>
    public string? ActivityId { get; set; }
}

/// <summary>Where a ledger row is.</summary>
internal enum NotificationLedgerState
{
    /// <summary>Claimed, send in progress (or the process stopped during the send: never re-sent, see the notifier).</summary>
    Claimed,

    Sent,

    /// <summary>The recipient could not be reached (403 or no way to create a conversation).</summary>
    Unreachable,

    /// <summary>The send failed in a way that may still have delivered it (an ambiguous 5xx): never re-sent.</summary>
    Uncertain,
}

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// The send state of one conversation: its sliding-window log, a pause set by a 429's Retry-After, and the tail of
/// the chain of senders waiting their turn (FIFO). Guarded by locking the instance itself.
/// </summary>
internal sealed class ConversationSendLimiter
{
    public ConversationSendLimiter(SlidingWindowLog log)
    {
        Log = log;
    }

    public SlidingWindowLog Log { get; }

    /// <summary>Completes when the previous sender has taken its slot.</summary>
    public Task Tail { get; set; } = Task.CompletedTask;

    /// <summary>No send before this timestamp (the connector asked us to back off).</summary>
    public long PausedUntil { get; set; }

    /// <summary>Set, under the lock, when the sweeper removed this instance: acquirers must look it up again.</summary>
    public bool Evicted { get; set; }
}

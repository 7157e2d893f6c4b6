using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// Paces outbound sends to Teams' documented limits: per conversation 7 per 1 s, 8 per 2 s, 60 per 30 s and 1,800 per
/// hour, and app-wide <see cref="ConnectorOptions.TenantSendsPerSecond"/> (0 = off). Sends wait for a permit, bounded
/// only by their cancellation token; nothing is dropped (security.md test 44).
/// </summary>
/// <remarks>
/// <para>Each conversation is an exact sliding-window log (<see cref="SlidingWindowLog"/>) driven by
/// <see cref="TimeProvider"/>, so tests run on a fake clock. System.Threading.RateLimiting was not used: its limiters
/// replenish on their own timers, cannot be driven by a fake clock, and its token buckets let 2n through in a window.</para>
/// <para>Senders to one conversation take turns (a chain of tasks), so they leave in the order they asked and a
/// throttled conversation never holds an app-wide slot it cannot use yet: the app-wide slot is reserved only once the
/// conversation may send, so one busy conversation does not delay the others.</para>
/// <para>A conversation whose log is empty (no send in the last hour) and has no waiter is evicted by a sweep that
/// runs at most once a minute on a sending thread; an evicted limiter is indistinguishable from a fresh one.</para>
/// </remarks>
internal sealed class ConnectorRateLimiter
{
    /// <summary>Per bot per conversation, "Send to conversation" (security.md §2, S24).</summary>
    public static readonly IReadOnlyList<SlidingWindowRule> ConversationRules =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(8, TimeSpan.FromSeconds(2)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromHours(1)),
    ];

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ConversationSendLimiter> _conversations = new(StringComparer.Ordinal);
    private readonly SlidingWindowLog? _tenant;
    private readonly Lock _tenantLock = new();
    private readonly long _sweepIntervalTicks;
    private long _nextSweep;
    private int _sweeping;

    public ConnectorRateLimiter(IOptions<ConnectorOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        int tenantPerSecond = options.Value.TenantSendsPerSecond;
        if (tenantPerSecond > 0)
        {
            _tenant = new SlidingWindowLog([new SlidingWindowRule(tenantPerSecond, TimeSpan.FromSeconds(1))], time.TimestampFrequency);
        }

        _sweepIntervalTicks = ToTicks(SweepInterval);
        _nextSweep = time.GetTimestamp() + _sweepIntervalTicks;
    }

    /// <summary>The number of conversations whose send history is held (for tests of eviction).</summary>
    public int TrackedConversations => _conversations.Count;

    /// <summary>The send times granted to one conversation in the last hour, as <see cref="DateTimeOffset"/>s (diagnostics and tests).</summary>
    public IReadOnlyList<DateTimeOffset> GrantedSends(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out ConversationSendLimiter? conversation))
        {
            return [];
        }

        long[] granted;
        lock (conversation)
        {
            granted = conversation.Log.ToArray();
        }

        return ToTimes(granted);
    }

    /// <summary>Waits until one send to <paramref name="conversationId"/> is allowed, and counts it.</summary>
    public async ValueTask AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        SweepIfDue();
        var myTurn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ConversationSendLimiter conversation = JoinQueue(conversationId, myTurn.Task, out Task previous);

        if (!previous.IsCompleted)
        {
            try
            {
                await previous.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Keep the chain intact: whoever queued after us waits for the sender before us.
                _ = previous.ContinueWith(
                    static (_, state) => ((TaskCompletionSource)state!).TrySetResult(),
                    myTurn,
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
                throw;
            }
        }

        long sendAt;
        try
        {
            sendAt = await ReserveAsync(conversation, cancellationToken);
        }
        finally
        {
            myTurn.TrySetResult();
        }

        long now = _time.GetTimestamp();
        if (sendAt > now)
        {
            try
            {
                await Task.Delay(ToTimeSpan(sendAt - now), _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Release(conversation, sendAt);
                throw;
            }
        }
    }

    /// <summary>Holds every send to <paramref name="conversationId"/> back for <paramref name="delay"/> (a 429's Retry-After).</summary>
    public void Pause(string conversationId, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero || !_conversations.TryGetValue(conversationId, out ConversationSendLimiter? conversation))
        {
            return;
        }

        long until = _time.GetTimestamp() + ToTicks(delay);
        lock (conversation)
        {
            conversation.PausedUntil = Math.Max(conversation.PausedUntil, until);
        }
    }

    private ConversationSendLimiter JoinQueue(string conversationId, Task myTurn, out Task previous)
    {
        while (true)
        {
            ConversationSendLimiter conversation = _conversations.GetOrAdd(
                conversationId,
                static (_, frequency) => new ConversationSendLimiter(new SlidingWindowLog(ConversationRules, frequency)),
                _time.TimestampFrequency);
            lock (conversation)
            {
                if (!conversation.Evicted)
                {
                    previous = conversation.Tail;
                    conversation.Tail = myTurn;
                    return conversation;
                }
            }
        }
    }

    /// <summary>Runs while this sender holds its conversation's turn: returns the timestamp it may send at.</summary>
    private async ValueTask<long> ReserveAsync(ConversationSendLimiter conversation, CancellationToken cancellationToken)
    {
        while (true)
        {
            long now = _time.GetTimestamp();
            long ready;
            lock (conversation)
            {
                ready = Math.Max(conversation.Log.EarliestPermitted(now), conversation.PausedUntil);
            }

            if (ready > now)
            {
                await Task.Delay(ToTimeSpan(ready - now), _time, cancellationToken);
                continue;
            }

            long sendAt = now;
            if (_tenant is not null)
            {
                lock (_tenantLock)
                {
                    sendAt = _tenant.EarliestPermitted(now);
                    _tenant.Record(sendAt);
                }
            }

            lock (conversation)
            {
                conversation.Log.Record(sendAt);
            }

            return sendAt;
        }
    }

    private void Release(ConversationSendLimiter conversation, long sendAt)
    {
        lock (conversation)
        {
            conversation.Log.Remove(sendAt);
        }

        if (_tenant is not null)
        {
            lock (_tenantLock)
            {
                _tenant.Remove(sendAt);
            }
        }
    }

    private void SweepIfDue()
    {
        long now = _time.GetTimestamp();
        if (now < Volatile.Read(ref _nextSweep) || Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            Volatile.Write(ref _nextSweep, now + _sweepIntervalTicks);
            foreach (KeyValuePair<string, ConversationSendLimiter> entry in _conversations)
            {
                ConversationSendLimiter conversation = entry.Value;
                lock (conversation)
                {
                    if (!conversation.Tail.IsCompleted || conversation.PausedUntil > now || !conversation.Log.IsIdle(now))
                    {
                        continue;
                    }

                    conversation.Evicted = true;
                }

                _conversations.TryRemove(entry);
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    private DateTimeOffset[] ToTimes(long[] timestamps)
    {
        DateTimeOffset utcNow = _time.GetUtcNow();
        long now = _time.GetTimestamp();
        return [.. timestamps.Select(t => utcNow + TimeSpan.FromSeconds((t - now) / (double)_time.TimestampFrequency))];
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    /// <summary>
    /// Rounds up to whole milliseconds: <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> truncates
    /// to milliseconds, so a sub-millisecond remainder would become a zero delay and the wait loop would spin.
    /// </summary>
    private TimeSpan ToTimeSpan(long ticks) =>
        TimeSpan.FromMilliseconds(Math.Ceiling(ticks * 1000.0 / _time.TimestampFrequency));
}

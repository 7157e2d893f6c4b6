using System.Collections.Concurrent;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.Host.Tests.Messaging;

/// <summary>A bot that records what reached it and how many turns overlapped, replying "ok" to each message.</summary>
internal sealed class ProbeBot : IBot
{
    private readonly ConcurrentQueue<Activity> _seen = new();
    private int _inFlight;
    private int _maxInFlight;

    public IReadOnlyList<Activity> Seen => [.. _seen];

    public int MaxInFlight => _maxInFlight;

    /// <summary>Completes a turn's work; turns wait for it when <see cref="HoldTurns"/> is set.</summary>
    public TaskCompletionSource? HoldTurns { get; set; }

    public async Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, now);
        try
        {
            _seen.Enqueue(turn.Activity);
            if (HoldTurns is { } hold)
            {
                await hold.Task.WaitAsync(cancellationToken);
            }

            await Task.Yield();
            await turn.SendActivityAsync(MessageFactory.Text("ok"), cancellationToken);
            return null;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}

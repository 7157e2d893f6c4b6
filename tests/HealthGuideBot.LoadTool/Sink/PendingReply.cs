using HealthGuideBot.LoadTool.Load;

namespace HealthGuideBot.LoadTool.Sink;

/// <summary>One activity sent, waiting for its reply at the sink.</summary>
internal sealed class PendingReply(string activityId, string conversationId, PhaseCounters counters, bool cardRequired = false)
{
    private const int Waiting = 0;
    private const int Replied = 1;
    private const int Abandoned = 2;

    private readonly TaskCompletionSource<long> _arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;
    private int _replies;

    public string ActivityId { get; } = activityId;

    public string ConversationId { get; } = conversationId;

    /// <summary>Completes with the <see cref="System.Diagnostics.Stopwatch"/> timestamp of the first reply's arrival.</summary>
    public Task<long> Arrival => _arrival.Task;

    /// <summary>True when the right reply must carry an Adaptive Card (our bot's emergency steps card).</summary>
    public bool CardRequired { get; } = cardRequired;

    public void OnReply(long arrivalTimestamp, bool hasCard = false)
    {
        if (Interlocked.Increment(ref _replies) > 1)
        {
            counters.AddDuplicate();
            return;
        }

        if (hasCard)
        {
            counters.AddCard();
        }
        else if (CardRequired)
        {
            counters.AddWrong();
        }

        if (Interlocked.CompareExchange(ref _state, Replied, Waiting) == Waiting)
        {
            _arrival.TrySetResult(arrivalTimestamp);
        }
        else
        {
            counters.AddLate();
        }
    }

    /// <summary>Gives up waiting. False when the reply won the race, in which case <see cref="Arrival"/> has completed.</summary>
    public bool TryAbandon() => Interlocked.CompareExchange(ref _state, Abandoned, Waiting) == Waiting;
}

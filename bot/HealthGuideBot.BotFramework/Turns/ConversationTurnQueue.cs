namespace HealthGuideBot.BotFramework.Turns;

/// <summary>
/// Runs the turns of one conversation one at a time, in arrival order (security.md 55): a second message in a
/// conversation waits until the first has finished, so dialog state is never read and written by two turns at once.
/// Different conversations run in parallel. Gates are created on demand and dropped when idle.
/// </summary>
internal sealed class ConversationTurnQueue
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Waits for the conversation's turn; dispose the result to let the next turn in.</summary>
    public async ValueTask<Releaser> EnterAsync(string conversationId, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_lock)
        {
            if (!_gates.TryGetValue(conversationId, out gate!))
            {
                gate = new Gate();
                _gates.Add(conversationId, gate);
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(conversationId, gate, release: false);
            throw;
        }

        return new Releaser(this, conversationId, gate);
    }

    /// <summary>How many conversations currently hold a gate (for tests: idle gates must not leak).</summary>
    internal int ActiveConversations
    {
        get
        {
            lock (_lock)
            {
                return _gates.Count;
            }
        }
    }

    private void Leave(string conversationId, Gate gate, bool release)
    {
        lock (_lock)
        {
            if (release)
            {
                gate.Semaphore.Release();
            }

            if (--gate.Users == 0)
            {
                _gates.Remove(conversationId);
                gate.Semaphore.Dispose();
            }
        }
    }

    /// <summary>Lets the next turn of the conversation in.</summary>
    internal readonly struct Releaser : IDisposable
    {
        private readonly ConversationTurnQueue _queue;
        private readonly string _conversationId;
        private readonly Gate _gate;

        public Releaser(ConversationTurnQueue queue, string conversationId, Gate gate)
        {
            _queue = queue;
            _conversationId = conversationId;
            _gate = gate;
        }

        public void Dispose() => _queue.Leave(_conversationId, _gate, release: true);
    }

    internal sealed class Gate
    {
        // SemaphoreSlim queues waiters first in, first out in practice, which keeps arrival order.
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}

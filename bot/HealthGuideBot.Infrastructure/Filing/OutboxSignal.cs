namespace HealthGuideBot.Infrastructure.Filing;

/// <summary>
/// Wakes the dispatcher when new outbox rows are committed, so a filing starts at once instead of at the next poll.
/// The dispatcher takes <see cref="Current"/> before a pass; a save during the pass completes it, so no wake-up is lost.
/// </summary>
internal sealed class OutboxSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task Current => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

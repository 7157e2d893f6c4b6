using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.BotFramework.Tests.Connector;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows which of its timers are armed and when they are due, and counts
/// every use of the clock, so <see cref="FakeClock.DriveAsync(FakeTimeProvider, Task, TimeSpan, TimeSpan)"/> can wait
/// until the code under test has settled and then jump exactly to the next due timer.
/// </summary>
internal sealed class SteppingTimeProvider : FakeTimeProvider
{
    private readonly ConcurrentDictionary<TrackedTimer, DateTimeOffset> _armed = new();
    private long _activity;

    public SteppingTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Changes whenever the code under test reads the clock or sets a timer.</summary>
    public long Activity => Interlocked.Read(ref _activity);

    /// <summary>When the earliest armed timer is due, or <see langword="null"/> when none is armed.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            DateTimeOffset? next = null;
            foreach (DateTimeOffset due in _armed.Values)
            {
                if (next is null || due < next)
                {
                    next = due;
                }
            }

            return next;
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        Interlocked.Increment(ref _activity);
        return base.GetUtcNow();
    }

    public override long GetTimestamp()
    {
        Interlocked.Increment(ref _activity);
        return base.GetTimestamp();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _activity);
        var tracked = new TrackedTimer(this, callback, state);
        tracked.Inner = base.CreateTimer(static s => ((TrackedTimer)s!).Fire(), tracked, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        tracked.Change(dueTime, period);
        return tracked;
    }

    private sealed class TrackedTimer(SteppingTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!; // Set by CreateTimer before first use.

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                owner._armed.TryRemove(this, out _);
            }
            else
            {
                owner._armed[this] = owner.GetUtcNow() + dueTime;
            }

            return Inner.Change(dueTime, period);
        }

        public void Fire()
        {
            if (_period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero)
            {
                owner._armed.TryRemove(this, out _);
            }
            else
            {
                owner._armed[this] = owner.GetUtcNow() + _period;
            }

            callback(state);
        }

        public void Dispose()
        {
            owner._armed.TryRemove(this, out _);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

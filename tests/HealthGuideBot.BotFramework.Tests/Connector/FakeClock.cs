using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.BotFramework.Tests.Connector;

// VSTHRD003: every task passed here was started by the calling test, on its own context, just before.
#pragma warning disable VSTHRD003

/// <summary>Moves a <see cref="FakeTimeProvider"/> forward in small steps until work completes: no real sleeping.</summary>
internal static class FakeClock
{
    public static DateTimeOffset Start { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new SteppingTimeProvider(Start);

    /// <summary>
    /// Waits until the code under test has settled (no clock reads, no new timers, an empty thread-pool queue), then
    /// moves the clock exactly to the next armed timer — or by <paramref name="step"/> when none is armed — until
    /// <paramref name="work"/> completes or <paramref name="limit"/> of fake time has passed; then awaits it
    /// (rethrowing its exception). The code's own delays never take real time; the settling checks take a few
    /// real milliseconds each, because continuations run on the thread pool.
    /// </summary>
    public static async Task DriveAsync(this FakeTimeProvider time, Task work, TimeSpan step, TimeSpan limit)
    {
        DateTimeOffset end = time.GetUtcNow() + limit;
        while (!work.IsCompleted && time.GetUtcNow() < end)
        {
            await SettleAsync(time, work);
            if (work.IsCompleted)
            {
                break;
            }

            DateTimeOffset now = time.GetUtcNow();
            DateTimeOffset target = time is SteppingTimeProvider stepping && stepping.NextDue is DateTimeOffset due && due > now
                ? due
                : now + step;
            time.Advance(target > end ? end - now : target - now);
        }

        await SettleAsync(time, work);
        Assert.True(work.IsCompleted, $"The work did not complete within {limit} of fake time.");
        await work;
    }

    private static async Task SettleAsync(FakeTimeProvider time, Task work)
    {
        long seen = time is SteppingTimeProvider stepping ? stepping.Activity : 0;
        int quietRounds = 0;
        for (int round = 0; round < 500 && quietRounds < 3 && !work.IsCompleted; round++)
        {
            await Task.Delay(1);
            long activity = time is SteppingTimeProvider s ? s.Activity : 0;
            // Other test classes share the pool, so its queue only holds the step back for a while.
            bool poolIdle = ThreadPool.PendingWorkItemCount == 0 || round > 30;
            if (activity == seen && poolIdle)
            {
                quietRounds++;
            }
            else
            {
                quietRounds = 0;
                seen = activity;
            }
        }
    }

    public static async Task<T> DriveAsync<T>(this FakeTimeProvider time, Task<T> work, TimeSpan step, TimeSpan limit)
    {
        await DriveAsync(time, (Task)work, step, limit);
        return await work;
    }

    /// <summary>Asserts that already-started <paramref name="work"/> ends in an exception of type <typeparamref name="TException"/> or a subtype.</summary>
    public static Task<TException> FailsWithAsync<TException>(this Task work)
        where TException : Exception =>
        Assert.ThrowsAnyAsync<TException>(() => work);
}

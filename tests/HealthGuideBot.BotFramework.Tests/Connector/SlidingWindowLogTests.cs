using HealthGuideBot.BotFramework.Connector;

namespace HealthGuideBot.BotFramework.Tests.Connector;

[Trait("Security", "C44")]
public sealed class SlidingWindowLogTests
{
    private const long Second = 1_000;

    [Fact]
    public void EarliestPermitted_AllowsTheLimitAtOnce_ThenWaitsForTheOldestToLeaveTheWindow()
    {
        var log = new SlidingWindowLog([new SlidingWindowRule(3, TimeSpan.FromSeconds(1))], timestampFrequency: Second);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(0, log.EarliestPermitted(0));
            log.Record(0);
        }

        Assert.Equal(Second, log.EarliestPermitted(0));
        Assert.Equal(Second, log.EarliestPermitted(Second / 2));
    }

    [Fact]
    public void EarliestPermitted_NeverAllowsTwiceTheLimitInOneWindow_UnlikeATokenBucket()
    {
        // A token bucket of 3 refilled at 3/s would allow 3 at t=0.9 s after 3 at t=0, i.e. 6 within [0, 1).
        var log = new SlidingWindowLog([new SlidingWindowRule(3, TimeSpan.FromSeconds(1))], timestampFrequency: Second);
        log.Record(0);
        log.Record(0);
        log.Record(900);

        Assert.Equal(Second, log.EarliestPermitted(900));
    }

    [Fact]
    public void EarliestPermitted_TakesTheStrictestOfSeveralRules()
    {
        var log = new SlidingWindowLog(
            [new SlidingWindowRule(7, TimeSpan.FromSeconds(1)), new SlidingWindowRule(8, TimeSpan.FromSeconds(2))],
            timestampFrequency: Second);
        for (int i = 0; i < 7; i++)
        {
            log.Record(0);
        }

        long eighth = log.EarliestPermitted(0);
        Assert.Equal(Second, eighth);
        log.Record(eighth);

        // 8 in the last 2 s: the ninth waits until the first seven have left the 2 s window.
        Assert.Equal(2 * Second, log.EarliestPermitted(eighth));
    }

    [Fact]
    public void Remove_FreesTheSlot_OfACancelledReservation()
    {
        var log = new SlidingWindowLog([new SlidingWindowRule(2, TimeSpan.FromSeconds(1))], timestampFrequency: Second);
        log.Record(0);
        log.Record(0);
        Assert.Equal(Second, log.EarliestPermitted(0));

        log.Remove(0);

        Assert.Equal(0, log.EarliestPermitted(0));
        Assert.Equal(1, log.Count);
    }

    [Fact]
    public void Log_GrowsPastItsInitialCapacity_AndForgetsEntriesOlderThanTheLongestWindow()
    {
        var log = new SlidingWindowLog([new SlidingWindowRule(100, TimeSpan.FromSeconds(10))], timestampFrequency: Second);
        for (int i = 0; i < 100; i++)
        {
            log.Record(i);
        }

        Assert.Equal(100, log.Count);
        Assert.Equal(10 * Second, log.EarliestPermitted(100));
        Assert.False(log.IsIdle(10 * Second));
        Assert.True(log.IsIdle((10 * Second) + 100));
    }
}

using System.Net;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Testing;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Tests.Connector;

[Trait("Security", "C44")]
public sealed class ConnectorRateLimiterTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task FiveHundredRemindersToOneConversation_AllArrive_WithinEveryPerConversationWindow()
    {
        var harness = new ConnectorHarness(o => o.TenantSendsPerSecond = 30);

        Task<ResourceResponse>[] sends = [.. Enumerable.Range(0, 500).Select(i =>
            harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.ConversationId, ConnectorHarness.Message($"reminder {i}"), CancellationToken.None))];
        await harness.Time.DriveAsync(Task.WhenAll(sends), Step, TimeSpan.FromMinutes(10));

        IReadOnlyList<RecordedHttpRequest> requests = harness.Requests;
        Assert.Equal(500, requests.Count);
        Assert.Equal(500, requests.Select(r => r.Body).Distinct().Count());

        // The windows are checked on the limiter's own grant times: arrival times at the fake connector also carry
        // the test's scheduling noise.
        DateTimeOffset[] granted = [.. harness.Limiter.GrantedSends(ConnectorHarness.ConversationId).Order()];
        Assert.Equal(500, granted.Length);
        AssertAtMost(granted, 7, TimeSpan.FromSeconds(1));
        AssertAtMost(granted, 8, TimeSpan.FromSeconds(2));
        AssertAtMost(granted, 60, TimeSpan.FromSeconds(30));
        Assert.All(requests, r => Assert.True(r.ReceivedAt >= granted[0]));

        // Not throttled harder than the rules need: 500 sends at 60 per 30 s take a little over 240 s.
        Assert.InRange(granted[^1] - granted[0], TimeSpan.FromSeconds(240), TimeSpan.FromSeconds(260));
    }

    [Fact]
    public async Task ManyConversations_StayUnderTheAppWideLimit()
    {
        var harness = new ConnectorHarness(o => o.TenantSendsPerSecond = 30);

        Task<ResourceResponse>[] sends = [.. Enumerable.Range(0, 300).Select(i =>
            harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, $"conversation-{i % 100}", ConnectorHarness.Message($"m{i}"), CancellationToken.None))];
        await harness.Time.DriveAsync(Task.WhenAll(sends), Step, TimeSpan.FromMinutes(1));

        Assert.Equal(300, harness.Requests.Count);
        DateTimeOffset[] granted = [.. Enumerable.Range(0, 100).SelectMany(c => harness.Limiter.GrantedSends($"conversation-{c}")).Order()];
        Assert.Equal(300, granted.Length);
        AssertAtMost(granted, 30, TimeSpan.FromSeconds(1));
        Assert.InRange(granted[^1] - granted[0], TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(11));
    }

    [Fact]
    public async Task AppWideLimitOfZero_DoesNotThrottleALoadSpreadOverConversations()
    {
        var harness = new ConnectorHarness(o => o.TenantSendsPerSecond = 0);

        Task<ResourceResponse>[] sends = [.. Enumerable.Range(0, 64 * 7).Select(i =>
            harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, $"conversation-{i % 64}", ConnectorHarness.Message("hi"), CancellationToken.None))];
        await Task.WhenAll(sends);

        Assert.Equal(64 * 7, harness.Requests.Count);
        Assert.All(harness.Requests, r => Assert.Equal(FakeClock.Start, r.ReceivedAt));
    }

    [Fact]
    public async Task ABusyConversation_DoesNotDelayAnotherConversation()
    {
        var harness = new ConnectorHarness(o => o.TenantSendsPerSecond = 30);
        Task<ResourceResponse>[] busy = [.. Enumerable.Range(0, 50).Select(i =>
            harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "busy", ConnectorHarness.Message($"b{i}"), CancellationToken.None))];

        await harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "quiet", ConnectorHarness.Message("q"), CancellationToken.None);

        Assert.Contains(harness.Requests, r => r.Uri.AbsolutePath.Contains("/quiet/", StringComparison.Ordinal) && r.ReceivedAt == FakeClock.Start);
        await harness.Time.DriveAsync(Task.WhenAll(busy), Step, TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task AcquireAsync_GrantsSevenAtOnce_AndMakesTheEighthWait()
    {
        var time = FakeClock.Create();
        var limiter = new ConnectorRateLimiter(Options.Create(new ConnectorOptions { TenantSendsPerSecond = 0 }), time);

        for (int i = 0; i < 7; i++)
        {
            Assert.True(limiter.AcquireAsync("c", CancellationToken.None).AsTask().IsCompletedSuccessfully);
        }

        Task eighth = limiter.AcquireAsync("c", CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(eighth.IsCompleted);
        await time.DriveAsync(eighth, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(2));
        Assert.Equal(FakeClock.Start + TimeSpan.FromSeconds(1), time.GetUtcNow());
    }

    [Fact]
    public async Task CancelledWaiter_UsesNoSlot()
    {
        var time = FakeClock.Create();
        var limiter = new ConnectorRateLimiter(Options.Create(new ConnectorOptions { TenantSendsPerSecond = 0 }), time);
        for (int i = 0; i < 7; i++)
        {
            await limiter.AcquireAsync("c", CancellationToken.None);
        }

        using var cancel = new CancellationTokenSource();
        Task cancelled = limiter.AcquireAsync("c", cancel.Token).AsTask();
        Task next = limiter.AcquireAsync("c", CancellationToken.None).AsTask();
        await cancel.CancelAsync();
        await cancelled.FailsWithAsync<OperationCanceledException>();

        // Had the cancelled sender kept a slot at 1 s, the 8-per-2 s rule would hold the next one until 2 s.
        await time.DriveAsync(next, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(3));
        Assert.InRange(time.GetUtcNow() - FakeClock.Start, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.05));
    }

    [Fact]
    public async Task CancelledWaiterInTheMiddleOfTheQueue_DoesNotStallTheSendersBehindIt()
    {
        var time = FakeClock.Create();
        var limiter = new ConnectorRateLimiter(Options.Create(new ConnectorOptions { TenantSendsPerSecond = 0 }), time);
        for (int i = 0; i < 7; i++)
        {
            await limiter.AcquireAsync("c", CancellationToken.None);
        }

        using var cancel = new CancellationTokenSource();
        Task first = limiter.AcquireAsync("c", CancellationToken.None).AsTask();
        Task middle = limiter.AcquireAsync("c", cancel.Token).AsTask();
        Task last = limiter.AcquireAsync("c", CancellationToken.None).AsTask();
        await cancel.CancelAsync();

        await middle.FailsWithAsync<OperationCanceledException>();
        await time.DriveAsync(Task.WhenAll(first, last), TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Pause_HoldsTheConversationBack_ForTheRetryAfter()
    {
        var time = FakeClock.Create();
        var limiter = new ConnectorRateLimiter(Options.Create(new ConnectorOptions { TenantSendsPerSecond = 0 }), time);
        await limiter.AcquireAsync("c", CancellationToken.None);

        limiter.Pause("c", TimeSpan.FromSeconds(5));
        Task held = limiter.AcquireAsync("c", CancellationToken.None).AsTask();
        Task other = limiter.AcquireAsync("d", CancellationToken.None).AsTask();

        Assert.True(other.IsCompletedSuccessfully);
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(held.IsCompleted);
        await time.DriveAsync(held, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task IdleConversations_AreEvicted_OnlyAfterTheHourlyWindowHasPassed()
    {
        var time = FakeClock.Create();
        var limiter = new ConnectorRateLimiter(Options.Create(new ConnectorOptions { TenantSendsPerSecond = 0 }), time);
        for (int i = 0; i < 100; i++)
        {
            await limiter.AcquireAsync($"conversation-{i}", CancellationToken.None);
        }

        time.Advance(TimeSpan.FromMinutes(59));
        await limiter.AcquireAsync("late", CancellationToken.None);
        Assert.Equal(101, limiter.TrackedConversations);

        time.Advance(TimeSpan.FromMinutes(2));
        await limiter.AcquireAsync("later", CancellationToken.None);
        Assert.Equal(2, limiter.TrackedConversations);
    }

    [Fact]
    public async Task Connector429_IsRetriedAfterRetryAfter_AndNothingIsDropped()
    {
        var harness = new ConnectorHarness();
        harness.Then(_ => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.FromSeconds(3)) } });

        Task<ResourceResponse> send = harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.ConversationId, ConnectorHarness.Message("x"), CancellationToken.None);
        ResourceResponse response = await harness.Time.DriveAsync(send, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));

        Assert.Equal("act-2", response.Id);
        Assert.Equal(2, harness.Requests.Count);
        TimeSpan gap = harness.Requests[1].ReceivedAt - harness.Requests[0].ReceivedAt;
        Assert.InRange(gap, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3.2));
    }

    [Fact]
    public async Task Connector429WithoutRetryAfter_BacksOffExponentiallyWithJitter()
    {
        var harness = new ConnectorHarness();
        harness.ThenStatus(HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests);

        Task<ResourceResponse> send = harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.ConversationId, ConnectorHarness.Message("x"), CancellationToken.None);
        await harness.Time.DriveAsync(send, TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(10));

        // Base 500 ms doubling; jitter 0.5 gives 3/4 of each: 375, 750, 1500 ms.
        DateTimeOffset[] times = [.. harness.Requests.Select(r => r.ReceivedAt)];
        Assert.Equal(4, times.Length);
        Assert.InRange(times[1] - times[0], TimeSpan.FromMilliseconds(375), TimeSpan.FromMilliseconds(385));
        Assert.InRange(times[2] - times[1], TimeSpan.FromMilliseconds(750), TimeSpan.FromMilliseconds(760));
        Assert.InRange(times[3] - times[2], TimeSpan.FromMilliseconds(1500), TimeSpan.FromMilliseconds(1510));
    }

    [Fact]
    public void Backoff_UsesTheJitter_WithinHalfToAllOfTheExponentialDelay()
    {
        TimeSpan low = Backoff.Delay(3, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(20), new FixedJitter(0));
        TimeSpan high = Backoff.Delay(3, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(20), new FixedJitter(0.999));
        TimeSpan capped = Backoff.Delay(30, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(20), new FixedJitter(0.999));

        Assert.Equal(TimeSpan.FromSeconds(1), low);
        Assert.InRange(high, TimeSpan.FromMilliseconds(1990), TimeSpan.FromSeconds(2));
        Assert.InRange(capped, TimeSpan.FromSeconds(19.9), TimeSpan.FromSeconds(20));
    }

    /// <summary>Any <paramref name="limit"/> + 1 consecutive sends span at least <paramref name="window"/>.</summary>
    private static void AssertAtMost(DateTimeOffset[] sorted, int limit, TimeSpan window)
    {
        for (int i = 0; i + limit < sorted.Length; i++)
        {
            Assert.True(
                sorted[i + limit] - sorted[i] >= window,
                $"{limit + 1} sends within {sorted[i + limit] - sorted[i]} (from send {i}), over the limit of {limit} per {window}.");
        }
    }
}

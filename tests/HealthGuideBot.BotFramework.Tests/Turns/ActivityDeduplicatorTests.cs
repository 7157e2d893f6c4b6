using System.Text.Json.Nodes;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.BotFramework.Tests.Turns;

public sealed class ActivityDeduplicatorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    [Trait("Security", "C36")]
    public async Task RunOnceAsync_RunsConcurrentRedeliveriesOnce_AndGivesEveryoneTheOriginalResult()
    {
        var deduplicator = Create();
        var activity = ActivityBuilder.Execute("x");
        var gate = new TaskCompletionSource();
        var runs = 0;

        Task<DeduplicatedResult> Deliver() => deduplicator.RunOnceAsync(activity, async () =>
        {
            Interlocked.Increment(ref runs);
            await gate.Task;
            return new InvokeResponse(200, JsonValue.Create("original"));
        });

        var deliveries = new[] { Deliver(), Deliver(), Deliver() };
        gate.SetResult();
        var results = await Task.WhenAll(deliveries);

        Assert.Equal(1, runs);
        Assert.All(results, r => Assert.Equal("original", r.Response!.Body!.GetValue<string>()));
        Assert.Equal(2, results.Count(r => r.IsRepeat));
    }

    [Fact]
    public async Task RunOnceAsync_RunsAgain_AfterTheWindowExpires()
    {
        var deduplicator = Create();
        var activity = ActivityBuilder.Message("hi");
        var runs = 0;

        await deduplicator.RunOnceAsync(activity, () => Count(ref runs));
        _time.Advance(TimeSpan.FromMinutes(11));
        await deduplicator.RunOnceAsync(activity, () => Count(ref runs));

        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task RunOnceAsync_ForgetsAFailedTurn_SoTheChannelRetryRuns()
    {
        var deduplicator = Create();
        var activity = ActivityBuilder.Message("hi");
        var runs = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => deduplicator.RunOnceAsync(activity, () => throw new InvalidOperationException()));
        await deduplicator.RunOnceAsync(activity, () => Count(ref runs));

        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task RunOnceAsync_TreatsSameActivityIdInAnotherConversationAsNew()
    {
        var deduplicator = Create();
        var runs = 0;
        var first = ActivityBuilder.Message("hi", conversationId: "a:one");

        await deduplicator.RunOnceAsync(first, () => Count(ref runs));
        await deduplicator.RunOnceAsync(first with { Conversation = new ConversationAccount { Id = "a:two" } }, () => Count(ref runs));

        Assert.Equal(2, runs);
    }

    private ActivityDeduplicator Create() => new(_time, Options.Create(new BotFrameworkOptions()));

    private static Task<InvokeResponse?> Count(ref int runs)
    {
        runs++;
        return Task.FromResult<InvokeResponse?>(null);
    }
}

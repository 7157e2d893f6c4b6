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
        _time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
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

    [Fact]
    public async Task RunOnceAsync_RemembersAnActivity_ForAtLeastHalfTheWindow()
    {
        var deduplicator = Create();
        var activity = ActivityBuilder.Message("hi");
        var runs = 0;

        await deduplicator.RunOnceAsync(activity, () => Count(ref runs));
        _time.Advance(TimeSpan.FromSeconds(59));
        var repeat = await deduplicator.RunOnceAsync(activity, () => Count(ref runs));

        Assert.Equal(1, runs);
        Assert.True(repeat.IsRepeat);
    }

    [Fact]
    public async Task RunOnceAsync_ReturnsTheRememberedInvokeResponse_ToALateRepeat()
    {
        var deduplicator = Create();
        var invoke = ActivityBuilder.Execute("plan.submit");

        await deduplicator.RunOnceAsync(invoke, () => Task.FromResult<InvokeResponse?>(new InvokeResponse(200, JsonValue.Create("saved"))));
        _time.Advance(TimeSpan.FromSeconds(30));
        var repeat = await deduplicator.RunOnceAsync(invoke, () => throw new InvalidOperationException("must not run again"));

        Assert.Equal("saved", repeat.Response!.Body!.GetValue<string>());
    }

    [Fact]
    public async Task RunOnceAsync_KeepsMemoryBounded_UnderAFlood()
    {
        var deduplicator = new ActivityDeduplicator(_time, Options.Create(new BotFrameworkOptions { DeduplicationCapacity = 1_000 }));
        var runs = 0;

        for (var i = 0; i < 10_000; i++)
        {
            await deduplicator.RunOnceAsync(ActivityBuilder.Message("x"), () => Count(ref runs));
        }

        Assert.Equal(10_000, runs);
        Assert.InRange(deduplicator.Count, 1, 1_000);
    }

    [Fact]
    public async Task RunOnceAsync_RecognisesARepeat_WhenTheIdsAreLongerThanTheStackBuffer()
    {
        var deduplicator = Create();
        var activity = ActivityBuilder.Message("hi", conversationId: "19:" + new string('é', 2_000) + "@thread.tacv2");
        var runs = 0;

        await deduplicator.RunOnceAsync(activity, () => Count(ref runs));
        var repeat = await deduplicator.RunOnceAsync(activity, () => Count(ref runs));

        Assert.Equal(1, runs);
        Assert.True(repeat.IsRepeat);
    }

    [Fact]
    public async Task RunOnceAsync_RemembersAFinishedMessage_WhileOtherTurnsFinishAroundIt()
    {
        var deduplicator = Create();
        var runs = 0;
        var first = ActivityBuilder.Message("hi", conversationId: "a:one");
        var second = ActivityBuilder.Message("hi", conversationId: "a:two");

        await deduplicator.RunOnceAsync(first, () => Count(ref runs));
        await deduplicator.RunOnceAsync(second, () => Count(ref runs));
        var repeats = await Task.WhenAll(deduplicator.RunOnceAsync(first, () => Count(ref runs)), deduplicator.RunOnceAsync(second, () => Count(ref runs)));

        Assert.Equal(2, runs);
        Assert.All(repeats, r => Assert.True(r.IsRepeat));
        Assert.Equal(2, deduplicator.Count);
    }

    private ActivityDeduplicator Create() => new(_time, Options.Create(new BotFrameworkOptions()));

    private static Task<InvokeResponse?> Count(ref int runs)
    {
        runs++;
        return Task.FromResult<InvokeResponse?>(null);
    }
}

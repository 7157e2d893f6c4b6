using HealthGuideBot.Core.Filing;
using HealthGuideBot.Testing.Graph;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Infrastructure.Tests.Filing;

/// <summary>
/// The outbox dispatcher with the Graph filer against the loopback stand-in, on a fake clock: every item filed exactly
/// once whatever the fault, Retry-After honoured beyond the SDK's caps, restarts and outages lose nothing.
/// </summary>
public sealed class OutboxDispatcherTests : IAsyncLifetime
{
    private readonly string _folder = FilingHarness.NewFolder();
    private FakeGraphServer _graph = null!;

    public async Task InitializeAsync() => _graph = await FakeGraphServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<FilingHarness> StartAsync(FakeStaffNotifier? notifier = null, Microsoft.Extensions.Time.Testing.FakeTimeProvider? time = null)
    {
        time ??= FilingHarness.NewClock();
        return await FilingHarness.StartAsync(_folder, time, FilingHarness.GraphFiler(_graph, time), notifier);
    }

    [Theory]
    [Trait("Security", "F61")]
    [InlineData(120)]
    [InlineData(600)] // beyond the Graph SDK's 180 s cap per wait
    public async Task RetryAfter_IsHonoured_NotRetriedEarlier(int seconds)
    {
        await using var host = await StartAsync();
        var request = FilingHarness.Document("A1");
        _graph.Inject(c => c.Is("PUT", ":/content"), GraphFault.Throttled(seconds));
        await host.AddAsync(request);
        var start = host.Time.GetUtcNow();

        await host.RunDueAsync();
        var row = await host.RowAsync(request.Key);
        Assert.Equal(FilingState.Retrying, row.State);
        Assert.Equal(start.AddSeconds(seconds), row.NextAttemptAt);

        host.Time.Advance(TimeSpan.FromSeconds(seconds - 1));
        Assert.Equal(0, await host.RunDueAsync());
        Assert.Single(_graph.Calls, c => c.Is("PUT", ":/content"));

        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await host.RunDueAsync());
        Assert.Equal(FilingState.Filed, (await host.RowAsync(request.Key)).State);
        Assert.Single(_graph.Files);
    }

    [Fact]
    [Trait("Security", "F62")]
    public async Task WithoutRetryAfter_BacksOffExponentiallyWithJitter_PerTarget()
    {
        await using var host = await StartAsync();
        _graph.Inject(_ => true, GraphFault.Unavailable(), times: 2);
        var request = FilingHarness.Document("A2");
        await host.AddAsync(request);
        var start = host.Time.GetUtcNow();

        await host.RunDueAsync();
        Assert.Equal(start + TimeSpan.FromSeconds(22.5), (await host.RowAsync(request.Key)).NextAttemptAt); // 30 s base, jitter 0.5: 15 + 7.5
        host.Time.Advance(TimeSpan.FromSeconds(22.5));
        await host.RunDueAsync();
        Assert.Equal(start + TimeSpan.FromSeconds(22.5 + 45), (await host.RowAsync(request.Key)).NextAttemptAt); // 60 s: 30 + 15
    }

    public static TheoryData<string, string> Faults => new()
    {
        { "429", "document" }, { "429", "register" }, { "429", "email" },
        { "503", "document" }, { "503", "register" }, { "503", "email" },
        { "504-delivered", "document" }, { "504-delivered", "register" }, { "504-delivered", "email" },
    };

    [Theory]
    [Trait("Security", "F63")]
    [MemberData(nameof(Faults))]
    public async Task EveryItem_IsFiledExactlyOnce_UnderEachFault(string fault, string target)
    {
        await using var host = await StartAsync();
        FilingRequest request = target switch
        {
            "document" => FilingHarness.Document("B1"),
            "register" => FilingHarness.Register("B1"),
            _ => FilingHarness.Email("B1"),
        };
        string writePath = target switch
        {
            "document" => ":/content",
            "register" => "/items",
            _ => "/send",
        };
        Func<GraphCall, bool> write = c => c.Is(target == "document" ? "PUT" : "POST", writePath);
        _graph.Inject(write, fault switch
        {
            "429" => GraphFault.Throttled(30),
            "503" => GraphFault.Unavailable(),
            _ => GraphFault.GatewayTimeoutButDelivered(),
        });
        await host.AddAsync(request);

        await host.DrainAsync();

        var row = await host.RowAsync(request.Key);
        Assert.Equal(FilingState.Filed, row.State);
        Assert.NotNull(row.Link);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(target == "document" ? 1 : 0, _graph.Files.Count);
        Assert.Equal(target == "register" ? 1 : 0, _graph.ListItems(FilingHarness.PlanList).Count);
        Assert.Equal(target == "email" ? 1 : 0, _graph.Messages.Count);
        Assert.Equal(target == "email" ? 1 : 0, _graph.Sent.Count);
    }

    [Fact]
    [Trait("Security", "F72")]
    public async Task AnHourLongOutage_LosesNothing_AndCatchesUpWithoutDuplicates()
    {
        await using var host = await StartAsync();
        _graph.Inject(_ => true, GraphFault.Unavailable(), times: int.MaxValue);
        FilingRequest[] requests = [FilingHarness.Document("C1"), FilingHarness.Register("C1"), FilingHarness.Email("C1"), FilingHarness.Document("C2")];
        await host.AddAsync(requests);
        var outageEnds = host.Time.GetUtcNow().AddHours(1);

        while (host.Time.GetUtcNow() < outageEnds)
        {
            await host.RunDueAsync();
            host.Time.Advance(TimeSpan.FromSeconds(20));
        }

        Assert.All(await host.RowsAsync(), r => Assert.Equal(FilingState.Retrying, r.State));
        Assert.True(_graph.Calls.Count > 8, "the dispatcher kept trying through the outage");
        Assert.Empty(_graph.Files);

        _graph.ClearFaults();
        await host.DrainAsync();

        Assert.All(await host.RowsAsync(), r => Assert.Equal(FilingState.Filed, r.State));
        Assert.Equal(2, _graph.Files.Count);
        Assert.Single(_graph.ListItems(FilingHarness.PlanList));
        Assert.Single(_graph.Sent);
        Assert.Single(_graph.Messages);
    }

    [Fact]
    [Trait("Security", "F71")]
    public async Task Forbidden_ParksTheItem_AlertsEachAdministratorOnce_AndFilesOnceTheGrantIsFixed()
    {
        var notifier = new FakeStaffNotifier();
        await using var host = await StartAsync(notifier);
        _graph.Inject(_ => true, GraphFault.Forbidden(), times: 2);
        var request = FilingHarness.Email("D1");
        await host.AddAsync(request);

        await host.RunDueAsync();

        var row = await host.RowAsync(request.Key);
        Assert.Equal(FilingState.Parked, row.State);
        Assert.Equal(
            [$"filing-parked:{request.Key}:admin-1", $"filing-parked:{request.Key}:admin-2"],
            notifier.Sent.Select(n => n.Key).Order(StringComparer.Ordinal));
        Assert.Contains(request.Key, notifier.Sent[0].Card.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Taylor", notifier.Sent[0].Card.GetRawText(), StringComparison.Ordinal);

        // Still forbidden at the first re-check: stays parked, no second alert.
        host.Time.Advance(TimeSpan.FromHours(6));
        await host.RunDueAsync();
        Assert.Equal(FilingState.Parked, (await host.RowAsync(request.Key)).State);
        Assert.Equal(2, notifier.Calls);

        // The administrator grants the mailbox scope: the next re-check files it.
        host.Time.Advance(TimeSpan.FromHours(6));
        await host.RunDueAsync();
        Assert.Equal(FilingState.Filed, (await host.RowAsync(request.Key)).State);
        Assert.Single(_graph.Sent);
    }

    [Fact]
    [Trait("Security", "G")]
    public async Task Logs_CarryKeysAndStatusesOnly_NeverSubjectsBodiesOrNames()
    {
        await using var host = await StartAsync();
        _graph.Inject(c => c.Is("POST", "/send"), GraphFault.GatewayTimeoutButDelivered());
        _graph.Inject(c => c.Is("PUT", ":/content"), GraphFault.Forbidden());
        await host.AddAsync(FilingHarness.Email("E1"), FilingHarness.Document("E1"));

        await host.DrainAsync();

        var logged = string.Join('\n', host.Logs.GetSnapshot().Select(l => l.Message + " " + l.Exception));
        Assert.Contains("referral:E1:v1:email", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Taylor", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret body", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("panel@la.example", logged, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Security", "E54")]
    public async Task KillingTheHostDuringASlowRequest_ThenRestarting_FilesItOnce()
    {
        var time = FilingHarness.NewClock();
        var request = FilingHarness.Document("F1");
        var never = new TaskCompletionSource();
        _graph.Inject(c => c.Is("PUT", ":/content"), new GraphFault(504, "UnknownError", Deliver: true, Hold: never.Task));

        var first = await FilingHarness.StartAsync(_folder, time, FilingHarness.GraphFiler(_graph, time));
        await first.AddAsync(request);
        var dispatcher = first.Dispatcher;
        await dispatcher.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _graph.Calls.Any(c => c.Is("PUT", ":/content")));
        await first.DisposeAsync(); // the "process" dies with the upload in flight; the file did land
        await Record.ExceptionAsync(() => dispatcher.ExecuteTask ?? Task.CompletedTask);

        await using var second = await FilingHarness.StartAsync(_folder, time, FilingHarness.GraphFiler(_graph, time));
        time.Advance(TimeSpan.FromMinutes(10)); // whether or not the dying instance released its lease
        await second.DrainAsync();

        var row = await second.RowAsync(request.Key);
        Assert.Equal(FilingState.Filed, row.State);
        Assert.Equal(Assert.Single(_graph.Files).WebUrl, row.Link);
    }

    [Fact]
    [Trait("Security", "E54")]
    public async Task ALease_KeepsOtherInstancesOff_UntilItExpires()
    {
        var time = FilingHarness.NewClock();
        var request = FilingHarness.Register("G1");
        await using var first = await FilingHarness.StartAsync(_folder, time, FilingHarness.GraphFiler(_graph, time));
        await using var second = await FilingHarness.StartAsync(_folder, time, FilingHarness.GraphFiler(_graph, time));
        await first.AddAsync(request);

        var claimed = await first.Dispatcher.ClaimDueAsync(CancellationToken.None); // then "dies" without filing
        Assert.Single(claimed);
        Assert.Empty(await second.Dispatcher.ClaimDueAsync(CancellationToken.None));

        time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await second.RunDueAsync());

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await second.RunDueAsync());
        Assert.Equal(FilingState.Filed, (await second.RowAsync(request.Key)).State);

        // The first instance's late outcome is discarded: it no longer holds the lease.
        await first.Dispatcher.AttemptAsync(claimed[0], CancellationToken.None);
        var row = await second.RowAsync(request.Key);
        Assert.Equal(FilingState.Filed, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.Single(_graph.ListItems(FilingHarness.PlanList));
    }

    [Fact]
    public async Task SavingANewRow_WakesTheRunningDispatcher_WithoutWaitingForThePoll()
    {
        var time = FilingHarness.NewClock();
        var filer = new SignallingFiler();
        await using var host = await FilingHarness.StartAsync(_folder, time, filer, settings: new Dictionary<string, string?>
        {
            ["HealthGuideBot:Filing:Dispatch:PollInterval"] = "01:00:00",
        });
        await host.Dispatcher.StartAsync(CancellationToken.None);
        var request = FilingHarness.Register("H1");

        await host.AddAsync(request);

        var filed = await filer.Received.Task.WaitAsync(TimeSpan.FromSeconds(30)); // a hang guard, not a timing assertion
        Assert.Equal(request.Key, filed.Key);
        await host.Dispatcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StatusReader_ShowsWaitingThenFiledWithTheLink()
    {
        await using var host = await StartAsync();
        _graph.Inject(c => c.Is("PUT", ":/content"), GraphFault.Throttled(60));
        var document = FilingHarness.Document("J1");
        await host.AddAsync(document, FilingHarness.Register("J1"));

        var pending = await StatusAsync(host, "J1");
        Assert.All(pending, s => Assert.Equal(FilingState.Pending, s.State));
        await host.RunDueAsync();
        var waiting = await StatusAsync(host, "J1");
        var doc = Assert.Single(waiting, s => s.Target == FilingTarget.Document);
        Assert.Equal(FilingState.Retrying, doc.State);
        Assert.Equal(host.Time.GetUtcNow().AddSeconds(60), doc.NextAttemptAt);
        Assert.Equal(FilingState.Filed, Assert.Single(waiting, s => s.Target == FilingTarget.RegisterEntry).State);

        await host.DrainAsync();
        var done = await StatusAsync(host, "J1");
        Assert.All(done, s => Assert.Equal(FilingState.Filed, s.State));
        Assert.Equal(_graph.Files[0].WebUrl, Assert.Single(done, s => s.Target == FilingTarget.Document).Link);
    }

    private static async Task<IReadOnlyList<FilingStatus>> StatusAsync(FilingHarness host, string recordId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IFilingStatusReader>().ForRecordAsync("plan", recordId, CancellationToken.None);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 3000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the condition never held (hang guard)");
    }

    private sealed class SignallingFiler : IRecordFiler
    {
        public TaskCompletionSource<FilingRequest> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<FilingResult> FileAsync(FilingRequest request, CancellationToken cancellationToken)
        {
            Received.TrySetResult(request);
            return Task.FromResult<FilingResult>(new FilingResult.Filed(null));
        }
    }
}

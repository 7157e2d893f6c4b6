using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using HealthGuideBot.Host.Diagnostics;
using HealthGuideBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace HealthGuideBot.Host.Tests.Diagnostics;

/// <summary>
/// The turn-duration histogram (Meter HealthGuideBot) tagged by route kind, and the Development-only snapshot the
/// load tool reads for server-side percentiles.
/// </summary>
public sealed class TurnMetricsTests
{
    [Fact]
    public async Task EveryTurnIsTimed_TaggedWithItsRouteKindOnly()
    {
        using var host = new BotHostFactory();
        using var collector = new MetricCollector<double>(host.Services.GetRequiredService<IMeterFactory>(), TurnMetrics.MeterName, TurnMetrics.DurationInstrument);

        await host.PostActivityAsync(ActivityBuilder.Message("boy having a fit what do i do"));
        await host.PostActivityAsync(ActivityBuilder.Message("can I give a pupil Calpol?"));
        await host.PostActivityAsync(ActivityBuilder.Message("help"));

        var measurements = collector.GetMeasurementSnapshot();
        Assert.Equal(
            new[] { TurnRoutes.Emergency, TurnRoutes.Question, TurnRoutes.Other },
            measurements.Select(m => m.Tags[TurnMetrics.RouteTag] as string ?? "(none)").ToArray());
        Assert.All(measurements, m => Assert.Equal(new[] { TurnMetrics.RouteTag }, m.Tags.Keys.ToArray())); // no text, no user, no pupil
        Assert.All(measurements, m => Assert.True(m.Value > 0));
    }

    [Fact]
    public async Task DevelopmentSnapshot_CountsTurnsPerRouteSinceTheLastReset()
    {
        using var host = new BotHostFactory();
        using var client = host.CreateClient();
        await host.PostActivityAsync(ActivityBuilder.Message("help"));
        using (var reset = await client.PostAsync("/dev/metrics/turns/reset", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        await host.PostActivityAsync(ActivityBuilder.Message("asthma"));
        await host.PostActivityAsync(ActivityBuilder.Message("SHES CHOKING"));
        await host.PostActivityAsync(ActivityBuilder.Message("what should a healthcare plan contain?"));

        var routes = JsonNode.Parse(await client.GetStringAsync("/dev/metrics/turns"))!["routes"]!.AsArray()
            .ToDictionary(r => r!["route"]!.GetValue<string>(), r => r!);
        Assert.Equal(2, routes[TurnRoutes.Emergency]["count"]!.GetValue<long>());
        Assert.Equal(1, routes[TurnRoutes.Question]["count"]!.GetValue<long>());
        Assert.Equal(0, routes[TurnRoutes.Other]["count"]!.GetValue<long>()); // the "help" before the reset is forgotten
        Assert.True(routes[TurnRoutes.Emergency]["p99Ms"]!.GetValue<double>() > 0);
        Assert.Null(routes[TurnRoutes.Other]["p99Ms"]);
    }

    [Fact]
    public async Task OutsideDevelopment_TheSnapshotIsNotMapped()
    {
        using var host = new BotHostFactory(environment: "Production", settings: new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = TestIdentities.BotAppId,
            ["MicrosoftAppPassword"] = "placeholder-for-test",
            ["MicrosoftAppTenantId"] = TestIdentities.SchoolTenantId,
            ["HealthGuideBot:AllowedTenantIds:0"] = ActivityBuilder.TenantId,
        });
        using var client = host.CreateClient();

        using var snapshot = await client.GetAsync("/dev/metrics/turns");
        using var reset = await client.PostAsync("/dev/metrics/turns/reset", null);

        Assert.Equal(HttpStatusCode.NotFound, snapshot.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.05, 0)]
    [InlineData(0.0501, 1)]
    [InlineData(0.0525, 1)]
    [InlineData(1e9, TurnDurationRecorder.BucketCount)]
    public void Buckets_AreFivePercentApart_FromFiftyMicroseconds(double milliseconds, int expected) =>
        Assert.Equal(expected, TurnDurationRecorder.BucketOf(milliseconds));

    [Fact]
    public void BucketUpperBound_IsNeverBelowTheValue_AndAtMostFivePercentAbove()
    {
        for (var ms = 0.06; ms < 60_000; ms *= 1.37)
        {
            var counts = new long[TurnDurationRecorder.BucketCount + 1];
            counts[TurnDurationRecorder.BucketOf(ms)] = 1;
            var bound = TurnDurationRecorder.Percentile(counts, 1, 0.99)!.Value;
            Assert.InRange(bound, ms - 0.001, (ms * 1.05) + 0.001);
        }
    }

    [Fact]
    public void Percentiles_AreNearestRank_OverTheBuckets()
    {
        var counts = new long[TurnDurationRecorder.BucketCount + 1];
        var fast = TurnDurationRecorder.BucketOf(1.0);
        var slow = TurnDurationRecorder.BucketOf(40.0);
        counts[fast] = 98;
        counts[slow] = 2;

        var summary = TurnDurationRecorder.Summarise(TurnRoutes.Emergency, counts);

        Assert.Equal(100, summary.Count);
        Assert.InRange(summary.P50Ms!.Value, 1.0, 1.05);
        Assert.InRange(summary.P95Ms!.Value, 1.0, 1.05); // rank 95 is still among the fast 98
        Assert.InRange(summary.P99Ms!.Value, 40.0, 42.0); // rank 99 is a slow one
        Assert.Equal(summary.P99Ms, summary.MaxMs);
    }

    [Fact]
    public void Recorder_CountsOnlyItsOwnHostsInstrument()
    {
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var otherMeters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var ours = new TurnMetrics(meters.GetRequiredService<IMeterFactory>(), TimeProvider.System);
        var theirs = new TurnMetrics(otherMeters.GetRequiredService<IMeterFactory>(), TimeProvider.System);
        using var recorder = new TurnDurationRecorder(ours);

        ours.Duration.Record(3.0, new KeyValuePair<string, object?>(TurnMetrics.RouteTag, TurnRoutes.Emergency));
        theirs.Duration.Record(3.0, new KeyValuePair<string, object?>(TurnMetrics.RouteTag, TurnRoutes.Emergency));
        ours.Duration.Record(7.0, new KeyValuePair<string, object?>(TurnMetrics.RouteTag, "not-a-route"));

        var routes = recorder.Snapshot().Routes.ToDictionary(r => r.Route);
        Assert.Equal(1, routes[TurnRoutes.Emergency].Count);
        Assert.Equal(1, routes[TurnRoutes.Other].Count); // an unknown tag value is folded into "other"
    }
}

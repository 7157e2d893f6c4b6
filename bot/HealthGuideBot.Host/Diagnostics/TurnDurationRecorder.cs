using System.Diagnostics.Metrics;

namespace HealthGuideBot.Host.Diagnostics;

/// <summary>
/// Development only: listens to this host's <see cref="TurnMetrics.Duration"/> histogram and keeps log-linear bucket
/// counts per route kind (bounds 5% apart from 0.05 ms to about 5 minutes), so the load tool can read server-side
/// percentiles over a measured phase (<see cref="Reset"/> before, <see cref="Snapshot"/> after). A percentile is
/// reported as the upper bound of the bucket it falls in: never below the true value, at most 5% above it.
/// Memory is fixed (three arrays of <see cref="BucketCount"/> counters) whatever the load.
/// </summary>
internal sealed class TurnDurationRecorder : IDisposable
{
    public const int BucketCount = 320;
    private const double FirstBoundMs = 0.05;
    private const double Growth = 1.05;

    private static readonly double[] UpperBoundsMs = Enumerable.Range(0, BucketCount).Select(i => FirstBoundMs * Math.Pow(Growth, i)).ToArray();

    private readonly Dictionary<string, long[]> _buckets = TurnRoutes.All.ToDictionary(route => route, _ => new long[BucketCount + 1], StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    public TurnDurationRecorder(TurnMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // This host's instrument only: other hosts in the same process (tests) have their own.
            if (ReferenceEquals(instrument, metrics.Duration))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => Add(value, RouteOf(tags)));
        _listener.Start();
    }

    /// <summary>Adds one turn's duration (public for tests; the listener calls it for every measurement).</summary>
    public void Add(double milliseconds, string route)
    {
        if (!_buckets.TryGetValue(route, out var counts))
        {
            counts = _buckets[TurnRoutes.Other];
        }

        Interlocked.Increment(ref counts[BucketOf(milliseconds)]);
    }

    /// <summary>Forgets every count (the load tool calls it before a measured phase).</summary>
    public void Reset()
    {
        foreach (var counts in _buckets.Values)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                Interlocked.Exchange(ref counts[i], 0);
            }
        }
    }

    public TurnDurationSnapshot Snapshot() =>
        new([.. TurnRoutes.All.Select(route => Summarise(route, _buckets[route].Select(count => Interlocked.Read(ref count)).ToArray()))]);

    public void Dispose() => _listener.Dispose();

    /// <summary>The index of the first bucket whose upper bound is at or above the value; the last one holds the overflow.</summary>
    internal static int BucketOf(double milliseconds)
    {
        if (!(milliseconds > FirstBoundMs))
        {
            return 0;
        }

        var index = (int)Math.Ceiling(Math.Log(milliseconds / FirstBoundMs) / Math.Log(Growth));
        // Floating point may land one bucket low at an exact bound: step up until the bound covers the value.
        while (index < BucketCount && UpperBoundsMs[index] < milliseconds)
        {
            index++;
        }

        return Math.Min(index, BucketCount);
    }

    /// <summary>Nearest-rank percentile over bucket counts, as the upper bound of its bucket (null when empty).</summary>
    internal static double? Percentile(IReadOnlyList<long> counts, long total, double percentile)
    {
        if (total <= 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percentile * total));
        long seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                // The overflow bucket (over about 5 minutes, past any turn timeout) reports the top bound.
                return Math.Round(UpperBoundsMs[Math.Min(i, BucketCount - 1)], 3);
            }
        }

        return null;
    }

    internal static TurnRouteTimings Summarise(string route, long[] counts)
    {
        var total = counts.Sum();
        return new TurnRouteTimings(
            route,
            total,
            Percentile(counts, total, 0.50),
            Percentile(counts, total, 0.95),
            Percentile(counts, total, 0.99),
            Percentile(counts, total, 1.0));
    }

    private static string RouteOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == TurnMetrics.RouteTag && tag.Value is string route)
            {
                return route;
            }
        }

        return TurnRoutes.Other;
    }
}

/// <summary>Server-side turn durations per route kind since the last reset, in milliseconds (bucket upper bounds).</summary>
internal sealed record TurnDurationSnapshot(IReadOnlyList<TurnRouteTimings> Routes);

internal sealed record TurnRouteTimings(string Route, long Count, double? P50Ms, double? P95Ms, double? P99Ms, double? MaxMs);

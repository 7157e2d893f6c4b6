using System.Diagnostics;

namespace HealthGuideBot.LoadTool.Load;

/// <summary>Nearest-rank percentiles of reply latency (POST start to reply at the sink), in milliseconds.</summary>
internal readonly record struct LatencySummary(double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public static LatencySummary FromTimestampDeltas(IEnumerable<List<long>> perWorker)
    {
        var all = perWorker.SelectMany(static list => list).ToArray();
        if (all.Length == 0)
        {
            return new LatencySummary(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        Array.Sort(all);
        return new LatencySummary(At(all, 0.50), At(all, 0.95), At(all, 0.99), ToMs(all[^1]));
    }

    private static double At(long[] sorted, double percentile)
    {
        var rank = (int)Math.Ceiling(percentile * sorted.Length);
        return ToMs(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    private static double ToMs(long stopwatchTicks) => stopwatchTicks * 1000.0 / Stopwatch.Frequency;
}

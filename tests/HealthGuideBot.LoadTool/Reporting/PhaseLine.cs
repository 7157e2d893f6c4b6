using System.Globalization;
using HealthGuideBot.LoadTool.Load;

namespace HealthGuideBot.LoadTool.Reporting;

/// <summary>One line of progress per measured phase.</summary>
internal static class PhaseLine
{
    public static string Format(string prefix, PhaseResult r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{prefix}{r.Target,-4} c={r.Concurrency,-3} {r.ActivitiesPerSecond,8:0} act/s  p50 {r.Latency.P50Ms,7:0.00}  p95 {r.Latency.P95Ms,7:0.00}  " +
        $"p99 {r.Latency.P99Ms,7:0.00}  max {r.Latency.MaxMs,7:0.0} ms  sent {r.Sent} replied {r.Replied} err {r.Errors} lost {r.Lost} dup {r.Duplicates} late {r.Late}  " +
        $"rss {Optional(r.PeakRssMiB, "0")} MiB  cpu {Optional(r.TargetCpuMsPerActivity, "0.000")} ms/act  tool {r.ToolCpuPercent:0}%{Answers(r)}");

    /// <summary>The answer workload's extras: emergency p99 at the client and, for our bot, the server's own timings.</summary>
    private static string Answers(PhaseResult r)
    {
        if (r.EmergencyLatency is not { } emergency)
        {
            return string.Empty;
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"  | emergency p99 {Optional(emergency.P99Ms, "0.00")} ms  cards {r.Cards} wrong {r.Wrong}");
        if (r.Server is { } server)
        {
            text += string.Create(CultureInfo.InvariantCulture,
                $"  server p99: emergency {Optional(server[ServerTimings.Emergency]?.P99Ms, "0.00")} ms (n={server[ServerTimings.Emergency]?.Count ?? 0}), " +
                $"question {Optional(server[ServerTimings.Question]?.P99Ms, "0.00")} ms (n={server[ServerTimings.Question]?.Count ?? 0})");
        }

        return text;
    }

    public static string Optional(double? value, string format) =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}

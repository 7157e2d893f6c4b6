using System.Globalization;
using System.Text;
using HealthGuideBot.LoadTool.Targets;

namespace HealthGuideBot.LoadTool.Reporting;

/// <summary>
/// The compare table (performance.md): medians over rounds per target and concurrency, then ours/peer ratios taken
/// per round (phases of one round ran back to back) and their medians, judged against the targets of the workload's
/// path: the protocol path (≥ 3× throughput, p99 at 64 ≤ 0.35×, RSS ≤ 0.5×) or the answer path (≥ 1× throughput, p99
/// at 64 ≤ 1×, emergency answers p99 ≤ 50 ms server-side at 64).
/// </summary>
internal sealed class CompareReport(IReadOnlyList<RoundResult> results, double? peerLifetimeRssMiB, double? botLifetimeRssMiB, Load.Workload workload = Load.Workload.Protocol)
{
    public const double MinThroughputRatio = 3.0;
    public const double MaxP99RatioAt64 = 0.35;
    public const double MaxRssRatio = 0.5;
    public const double MinAnswerThroughputRatio = 1.0;
    public const double MaxAnswerP99RatioAt64 = 1.0;
    public const double MaxEmergencyServerP99Ms = 50.0;
    private const int EmergencyTargetConcurrency = 64;
    private static readonly int[] ThroughputTargetConcurrencies = [16, 64];

    /// <summary>True when every target that the measured concurrencies allow judging was met.</summary>
    public bool AllTargetsMet { get; private set; }

    public string Render()
    {
        var text = new StringBuilder();
        var concurrencies = results.Select(r => r.Result.Concurrency).Distinct().Order().ToArray();
        var rounds = results.Select(r => r.Round).Distinct().Count();

        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Medians of {rounds} round(s); errors, lost and duplicates are totals over the rounds."));
        text.AppendLine();
        var answers = workload == Load.Workload.Answers;
        text.AppendLine("| conc | target | act/s | p50 ms | p95 ms | p99 ms | errors | lost | dup | peak RSS MiB | CPU ms/act |" + (answers ? " wrong | emergency p99 ms | server emergency p99 ms | server question p99 ms |" : string.Empty));
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + (answers ? "---:|---:|---:|---:|" : string.Empty));
        foreach (var c in concurrencies)
        {
            foreach (var target in new[] { TargetCatalog.Peer, TargetCatalog.Bot })
            {
                var rows = Phases(target, c).ToArray();
                if (rows.Length == 0)
                {
                    continue;
                }

                text.AppendLine(string.Create(CultureInfo.InvariantCulture, 
                    $"| {c} | {target} | {Median(rows, r => r.ActivitiesPerSecond):0} | {Median(rows, r => r.Latency.P50Ms):0.00} | " +
                    $"{Median(rows, r => r.Latency.P95Ms):0.00} | {Median(rows, r => r.Latency.P99Ms):0.00} | {rows.Sum(r => r.Errors)} | " +
                    $"{rows.Sum(r => r.Lost)} | {rows.Sum(r => r.Duplicates)} | {Median(rows, r => r.PeakRssMiB ?? double.NaN):0} | " +
                    $"{Median(rows, r => r.TargetCpuMsPerActivity ?? double.NaN):0.000} |{(answers ? AnswerColumns(rows) : string.Empty)}"));
            }
        }

        text.AppendLine();
        text.AppendLine("| conc | throughput ours/peer | p99 ours/peer | peak RSS ours/peer | CPU per activity ours/peer |");
        text.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var c in concurrencies)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, 
                $"| {c} | {Ratio(c, r => r.ActivitiesPerSecond):0.00}× | {Ratio(c, r => r.Latency.P99Ms):0.00}× | " +
                $"{Ratio(c, r => r.PeakRssMiB ?? double.NaN):0.00}× | {Ratio(c, r => r.TargetCpuMsPerActivity ?? double.NaN):0.00}× |"));
        }

        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Lifetime peak RSS (VmHWM): peer {PhaseLine.Optional(peerLifetimeRssMiB, "0")} MiB, ours {PhaseLine.Optional(botLifetimeRssMiB, "0")} MiB."));
        text.AppendLine();
        var verdicts = answers ? JudgeAnswerPath(text, concurrencies) : JudgeProtocolPath(text, concurrencies, rssRatio: botLifetimeRssMiB / peerLifetimeRssMiB ?? double.NaN);

        var ours = Phases(TargetCatalog.Bot).ToArray();
        var faults = ours.Sum(r => r.Errors + r.Lost + r.Duplicates + r.Wrong);
        var clean = faults == 0 && ours.Length > 0;
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- zero errors, lost{(answers ? ", duplicate or wrong" : " or duplicate")} replies (ours): {faults} seen: {(clean ? "MET" : "MISSED")}"));
        verdicts.Add(clean);

        AllTargetsMet = verdicts.All(v => v);
        text.AppendLine(AllTargetsMet ? "All targets met." : "Some targets missed.");
        return text.ToString();
    }

    private static string AnswerColumns(Load.PhaseResult[] rows) => string.Create(CultureInfo.InvariantCulture,
        $" {rows.Sum(r => r.Wrong)} | {Median(rows, r => r.EmergencyLatency?.P99Ms ?? double.NaN):0.00} | " +
        $"{PhaseLine.Optional(Median(rows, ServerEmergencyP99), "0.00")} | {PhaseLine.Optional(Median(rows, r => r.Server?[Load.ServerTimings.Question]?.P99Ms ?? double.NaN), "0.00")} |");

    /// <summary>The bot's server-side p99 for emergency turns in one phase (NaN when it has none).</summary>
    private static double ServerEmergencyP99(Load.PhaseResult r) => r.Server?[Load.ServerTimings.Emergency] is { Count: > 0, P99Ms: { } p99 } ? p99 : double.NaN;

    private List<bool> JudgeAnswerPath(StringBuilder text, int[] concurrencies)
    {
        text.AppendLine("Targets (performance.md, answer path):");
        var verdicts = new List<bool>();
        foreach (var c in ThroughputTargetConcurrencies.Where(concurrencies.Contains))
        {
            var ratio = Ratio(c, r => r.ActivitiesPerSecond);
            verdicts.Add(Verdict(text, $"throughput at {c} ≥ {MinAnswerThroughputRatio:0.0}× the echo peer", ratio, ratio >= MinAnswerThroughputRatio));
        }

        if (concurrencies.Contains(64))
        {
            var ratio = Ratio(64, r => r.Latency.P99Ms);
            verdicts.Add(Verdict(text, $"p99 at 64 ≤ {MaxAnswerP99RatioAt64:0.00}× the echo peer", ratio, ratio <= MaxAnswerP99RatioAt64));
        }

        if (concurrencies.Contains(EmergencyTargetConcurrency))
        {
            // The median over rounds of each phase's server-side emergency p99 (bucket upper bounds: never under-stated).
            var p99 = Median(Phases(TargetCatalog.Bot, EmergencyTargetConcurrency), ServerEmergencyP99);
            var met = double.IsFinite(p99) && p99 <= MaxEmergencyServerP99Ms;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- emergency answers p99 at {EmergencyTargetConcurrency} ≤ {MaxEmergencyServerP99Ms:0} ms server-side: {PhaseLine.Optional(p99, "0.00")} ms: {(met ? "MET" : "MISSED")}"));
            verdicts.Add(met);
        }

        return verdicts;
    }

    private List<bool> JudgeProtocolPath(StringBuilder text, int[] concurrencies, double rssRatio)
    {
        text.AppendLine("Targets (performance.md, protocol path):");
        var verdicts = new List<bool>();
        foreach (var c in ThroughputTargetConcurrencies.Where(concurrencies.Contains))
        {
            var ratio = Ratio(c, r => r.ActivitiesPerSecond);
            verdicts.Add(Verdict(text, $"throughput at {c} ≥ {MinThroughputRatio:0.0}× the peer", ratio, ratio >= MinThroughputRatio));
        }

        if (concurrencies.Contains(64))
        {
            var ratio = Ratio(64, r => r.Latency.P99Ms);
            verdicts.Add(Verdict(text, $"p99 at 64 ≤ {MaxP99RatioAt64:0.00}× the peer", ratio, ratio <= MaxP99RatioAt64));
        }

        verdicts.Add(Verdict(text, $"peak RSS ≤ {MaxRssRatio:0.0}× the peer", rssRatio, rssRatio <= MaxRssRatio));
        return verdicts;
    }

    private static bool Verdict(StringBuilder text, string what, double ratio, bool met)
    {
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- {what}: {ratio:0.00}×: {(double.IsFinite(ratio) && met ? "MET" : "MISSED")}"));
        return double.IsFinite(ratio) && met;
    }

    private IEnumerable<Load.PhaseResult> Phases(string target, int? concurrency = null) =>
        results.Select(r => r.Result).Where(r => r.Target == target && (concurrency is null || r.Concurrency == concurrency));

    private static double Median(IEnumerable<Load.PhaseResult> rows, Func<Load.PhaseResult, double> metric) =>
        Statistics.Median(rows.Select(metric));

    /// <summary>The median over rounds of ours/peer, each ratio taken within one round.</summary>
    private double Ratio(int concurrency, Func<Load.PhaseResult, double> metric)
    {
        var perRound =
            from peer in results
            where peer.Result.Target == TargetCatalog.Peer && peer.Result.Concurrency == concurrency
            join bot in results.Where(b => b.Result.Target == TargetCatalog.Bot && b.Result.Concurrency == concurrency)
                on peer.Round equals bot.Round
            select metric(bot.Result) / metric(peer.Result);
        return Statistics.Median(perRound);
    }
}

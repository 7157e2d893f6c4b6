using System.CommandLine;
using HealthGuideBot.LoadTool.Load;
using HealthGuideBot.LoadTool.Reporting;
using HealthGuideBot.LoadTool.Targets;

namespace HealthGuideBot.LoadTool.Cli;

/// <summary>
/// <c>compare</c>: starts the JS SDK peer and our bot side by side and loads them in alternating order, round after
/// round, at each concurrency; prints medians and ours/peer ratios against the targets in performance.md.
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var options = new LoadOptions();
        var rounds = new Option<int>("--rounds", "-r") { Description = $"Rounds (each loads both targets at every concurrency). 1 to {LoadLimits.MaxRounds}.", DefaultValueFactory = _ => 3 };
        rounds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > LoadLimits.MaxRounds)
            {
                result.AddError($"--rounds takes 1 to {LoadLimits.MaxRounds}.");
            }
        });

        var command = new Command("compare", "Compare our bot with the JS SDK peer in one run: alternating rounds at 1, 16 and 64, medians and ratios, judged against the protocol-path or (--workload answers) answer-path targets.");
        command.Options.Add(rounds);
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            var concurrencies = parse.GetValue(options.Concurrency) ?? [];
            var roundCount = parse.GetValue(rounds);
            var settings = options.ToSettings(parse);
            var planned = (settings.Warmup + settings.Duration) * concurrencies.Length * roundCount * 2;
            return ToolAction.RunAsync(planned, async ct =>
            {
                var catalog = new TargetCatalog(RepoRoot.Find(parse.GetValue(options.RepoRoot)), options.ParseBotSettings(parse));
                await using var session = await LoadSession.StartAsync(settings, ct);
                await Console.Out.WriteLineAsync(RunHeader.Describe(session.Sink.ServiceUrl, settings));
                await Console.Out.WriteLineAsync($"plan: {roundCount} round(s) × concurrency {string.Join('/', concurrencies)} × peer and bot, about {planned.TotalMinutes:0.0} min of load");
                var peer = await session.LaunchAsync(catalog, TargetCatalog.Peer, ct);
                var bot = await session.LaunchAsync(catalog, TargetCatalog.Bot, ct);

                var results = new List<RoundResult>();
                for (var round = 1; round <= roundCount; round++)
                {
                    foreach (var concurrency in concurrencies)
                    {
                        // Alternate who goes first, so drift on a shared machine does not favour one side.
                        LoadTarget[] order = (round + concurrency) % 2 == 0 ? [peer, bot] : [bot, peer];
                        foreach (var target in order)
                        {
                            var (warmup, measured) = await session.Runner.MeasureAsync(target, concurrency, ct);
                            if (warmup.Errors + warmup.Lost + warmup.Duplicates > 0)
                            {
                                await Console.Out.WriteLineAsync(PhaseLine.Format($"[round {round}] warm-up ", warmup));
                            }

                            await Console.Out.WriteLineAsync(PhaseLine.Format($"[round {round}] ", measured));
                            results.Add(new RoundResult(round, measured));
                        }
                    }
                }

                var report = new CompareReport(results, session.LifetimePeakRssMiB(peer), session.LifetimePeakRssMiB(bot), settings.Workload);
                await Console.Out.WriteLineAsync();
                await Console.Out.WriteLineAsync(report.Render());
                await Console.Out.WriteLineAsync(
                    $"sink: unmatched replies {session.Correlator.Unmatched}, non-message activities {session.Correlator.OtherActivities}, rejected requests {session.Sink.Rejected}");
                return report.AllTargetsMet ? 0 : ToolAction.TargetsMissed;
            }, cancellationToken);
        });
        return command;
    }
}

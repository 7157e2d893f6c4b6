using System.CommandLine;
using HealthGuideBot.LoadTool.Reporting;
using HealthGuideBot.LoadTool.Targets;

namespace HealthGuideBot.LoadTool.Cli;

/// <summary><c>run</c>: load one target (the peer, our bot, or a loopback URL) at each concurrency and print the results.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var options = new LoadOptions();
        var target = new Option<string>("--target", "-t")
        {
            Description = "peer (starts tests/LoadPeer), bot (starts the Release bot) or url (an already running bot: --url).",
            Required = true,
        };
        target.AcceptOnlyFromAmong(TargetCatalog.Peer, TargetCatalog.Bot, "url");
        var url = new Option<string?>("--url") { Description = "With --target url: the bot endpoint, on loopback only, e.g. http://127.0.0.1:3978/api/messages." };
        var pid = new Option<int?>("--pid") { Description = "With --target url: the target's process id, to read its memory and CPU." };

        var command = new Command("run", "Load one target at each --concurrency and print latency, throughput, errors and memory.");
        command.Options.Add(target);
        command.Options.Add(url);
        command.Options.Add(pid);
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) =>
        {
            var concurrencies = parse.GetValue(options.Concurrency) ?? [];
            var settings = options.ToSettings(parse);
            var planned = (settings.Warmup + settings.Duration) * concurrencies.Length;
            return ToolAction.RunAsync(planned, async ct =>
            {
                // Everything that can be refused is checked before the sink starts or a target is launched.
                var kind = parse.GetValue(target)!;
                var attachUrl = kind == "url"
                    ? LoopbackGuard.RequireLoopbackHttpUrl(parse.GetValue(url) ?? throw new LoadToolException("--target url needs --url."), "--url")
                    : null;
                var catalog = kind == "url" ? null : new TargetCatalog(RepoRoot.Find(parse.GetValue(options.RepoRoot)), options.ParseBotSettings(parse));

                await using var session = await LoadSession.StartAsync(settings, ct);
                await Console.Out.WriteLineAsync(RunHeader.Describe(session.Sink.ServiceUrl, settings));
                var loadTarget = attachUrl is not null
                    ? await session.AttachAsync("url", attachUrl, parse.GetValue(pid), ct)
                    : await session.LaunchAsync(catalog!, kind, ct);

                foreach (var concurrency in concurrencies)
                {
                    var (warmup, measured) = await session.Runner.MeasureAsync(loadTarget, concurrency, ct);
                    if (warmup.Errors + warmup.Lost + warmup.Duplicates > 0)
                    {
                        await Console.Out.WriteLineAsync(PhaseLine.Format("warm-up ", warmup));
                    }

                    await Console.Out.WriteLineAsync(PhaseLine.Format(string.Empty, measured));
                }

                await Console.Out.WriteLineAsync(
                    $"lifetime peak RSS {PhaseLine.Optional(session.LifetimePeakRssMiB(loadTarget), "0")} MiB; " +
                    $"sink: unmatched replies {session.Correlator.Unmatched}, non-message activities {session.Correlator.OtherActivities}, rejected requests {session.Sink.Rejected}");
                return 0;
            }, cancellationToken);
        });
        return command;
    }
}

using HealthGuideBot.LoadTool.Load;
using HealthGuideBot.LoadTool.Sink;
using HealthGuideBot.LoadTool.Targets;

namespace HealthGuideBot.LoadTool;

/// <summary>Everything one invocation owns: the sink, the runner, the targets it started and their scratch folder.</summary>
internal sealed class LoadSession : IAsyncDisposable
{
    private readonly List<TargetProcess> _processes = [];
    private readonly List<LoadTarget> _targets = [];
    private readonly Dictionary<LoadTarget, TargetProcess> _processOf = [];
    private readonly LoadSettings _settings;

    private LoadSession(LoadSettings settings, ReplyCorrelator correlator, ConnectorSink sink, string scratchRoot)
    {
        _settings = settings;
        Correlator = correlator;
        Sink = sink;
        ScratchRoot = scratchRoot;
        Runner = new LoadRunner(correlator, sink.ServiceUrl, settings, TimeProvider.System);
    }

    public ReplyCorrelator Correlator { get; }

    public ConnectorSink Sink { get; }

    public LoadRunner Runner { get; }

    /// <summary>Logs of started targets and their scratch data live here; the logs are kept after the run.</summary>
    public string ScratchRoot { get; }

    public static async Task<LoadSession> StartAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        var scratchRoot = Path.Combine(Path.GetTempPath(), $"hgb-loadtool-{Environment.ProcessId}");
        Directory.CreateDirectory(scratchRoot);
        var correlator = new ReplyCorrelator();
        var sink = await ConnectorSink.StartAsync(correlator, cancellationToken);
        return new LoadSession(settings, correlator, sink, scratchRoot);
    }

    /// <summary>Starts a target, waits until it listens, and proves one activity gets one reply.</summary>
    public async Task<LoadTarget> LaunchAsync(TargetCatalog catalog, string name, CancellationToken cancellationToken)
    {
        var spec = catalog.Create(name, TargetProcess.PickFreeLoopbackPort(), ScratchRoot);
        var process = await TargetProcess.StartAsync(spec, ScratchRoot, cancellationToken);
        _processes.Add(process);
        var target = new LoadTarget(name, process.MessagesUrl, process.ProcessId, _settings.ReplyTimeout);
        _targets.Add(target);
        _processOf[target] = process;
        try
        {
            var first = await Runner.ProbeAsync(target, cancellationToken);
            await Console.Out.WriteLineAsync(
                $"started {name}: pid {process.ProcessId}, {process.MessagesUrl}, first reply in {first.TotalMilliseconds:0.0} ms, log {process.LogPath}");
        }
        catch (LoadToolException ex)
        {
            throw new LoadToolException($"{ex.Message}\nIts output ({process.LogPath}):\n{process.LogTail()}", ex);
        }

        return target;
    }

    /// <summary>A target already running on loopback (started by hand).</summary>
    public async Task<LoadTarget> AttachAsync(string name, Uri messagesUrl, int? processId, CancellationToken cancellationToken)
    {
        var target = new LoadTarget(name, messagesUrl, processId, _settings.ReplyTimeout);
        _targets.Add(target);
        var first = await Runner.ProbeAsync(target, cancellationToken);
        await Console.Out.WriteLineAsync($"attached to {messagesUrl}: first reply in {first.TotalMilliseconds:0.0} ms");
        return target;
    }

    /// <summary>The target's peak resident set over its whole life (VmHWM), when the tool can read it.</summary>
    public double? LifetimePeakRssMiB(LoadTarget target)
    {
        if (_processOf.TryGetValue(target, out var process))
        {
            return process.PeakRssMiB;
        }

        return target.ProcessId is { } pid && ProcFs.ReadStatusKiB(pid, "VmHWM") is { } kib ? kib / 1024.0 : null;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var target in _targets)
        {
            target.Dispose();
        }

        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await Sink.DisposeAsync();
    }
}

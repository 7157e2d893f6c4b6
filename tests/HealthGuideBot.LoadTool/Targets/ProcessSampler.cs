namespace HealthGuideBot.LoadTool.Targets;

/// <summary>Samples a process's resident set every few milliseconds while a phase runs and keeps the largest.</summary>
internal sealed class ProcessSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly TimeSpan? _cpuAtStart;
    private long _maxRssKiB;

    private ProcessSampler(int pid)
    {
        _pid = pid;
        _cpuAtStart = ProcFs.ReadCpuTime(pid);
        Sample();
        _loop = LoopAsync();
    }

    public static ProcessSampler Start(int pid) => new(pid);

    /// <summary>Stops sampling; returns the peak RSS seen in MiB and the CPU time used since the start.</summary>
    public async Task<(double? PeakRssMiB, TimeSpan? Cpu)> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Sample();
        var cpuNow = ProcFs.ReadCpuTime(_pid);
        var peak = Interlocked.Read(ref _maxRssKiB);
        return (peak > 0 ? peak / 1024.0 : null, cpuNow - _cpuAtStart);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Sample();
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private void Sample()
    {
        var rss = ProcFs.ReadStatusKiB(_pid, "VmRSS");
        if (rss is { } kib && kib > Interlocked.Read(ref _maxRssKiB))
        {
            Interlocked.Exchange(ref _maxRssKiB, kib);
        }
    }
}

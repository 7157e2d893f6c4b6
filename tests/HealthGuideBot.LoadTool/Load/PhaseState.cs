using System.Diagnostics;

namespace HealthGuideBot.LoadTool.Load;

/// <summary>When a phase stops: at its deadline or after its request cap, whichever comes first.</summary>
internal sealed class PhaseState(TimeSpan duration, int maxRequests, int workers)
{
    private readonly long _deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    private long _started;

    public PhaseCounters Counters { get; } = new();

    /// <summary>Reply latencies in Stopwatch ticks, one list per worker so workers never contend.</summary>
    public List<long>[] Latencies { get; } = Enumerable.Range(0, workers).Select(_ => new List<long>(4096)).ToArray();

    /// <summary>The latencies of emergency questions only (answer workload), one list per worker.</summary>
    public List<long>[] EmergencyLatencies { get; } = Enumerable.Range(0, workers).Select(_ => new List<long>(256)).ToArray();

    public bool TryStartRequest() =>
        Stopwatch.GetTimestamp() < _deadline && Interlocked.Increment(ref _started) <= maxRequests;
}

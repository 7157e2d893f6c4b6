namespace HealthGuideBot.LoadTool.Load;

/// <summary>What one measured phase against one target at one concurrency produced.</summary>
internal sealed record PhaseResult
{
    public required string Target { get; init; }

    public required int Concurrency { get; init; }

    public required long Sent { get; init; }

    public required long Replied { get; init; }

    public required long Errors { get; init; }

    public required long Lost { get; init; }

    public required long Duplicates { get; init; }

    public required long Late { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public required LatencySummary Latency { get; init; }

    /// <summary>Emergency questions only (answer workload), client-side: POST start to reply at the sink.</summary>
    public LatencySummary? EmergencyLatency { get; init; }

    /// <summary>The bot's own turn durations over the phase, by route kind; null for the peer or when not offered.</summary>
    public ServerTimings? Server { get; init; }

    /// <summary>Replies of the wrong shape (an emergency answered without a card).</summary>
    public long Wrong { get; init; }

    /// <summary>Replies that carried an Adaptive Card.</summary>
    public long Cards { get; init; }

    /// <summary>The target's largest resident set sampled during the phase, in MiB; null when the pid is unknown.</summary>
    public double? PeakRssMiB { get; init; }

    /// <summary>The target's CPU time (user + system) per replied activity, in milliseconds.</summary>
    public double? TargetCpuMsPerActivity { get; init; }

    /// <summary>The load tool's own CPU use during the phase, in percent of one core.</summary>
    public required double ToolCpuPercent { get; init; }

    public double ActivitiesPerSecond => Elapsed > TimeSpan.Zero ? Replied / Elapsed.TotalSeconds : 0;
}

namespace HealthGuideBot.LoadTool;

/// <summary>Hard caps: the tool always stops by itself, whatever it is asked.</summary>
internal static class LoadLimits
{
    public const int MaxConcurrency = 256;
    public const int MaxWarmupSeconds = 60;
    public const int MaxDurationSeconds = 120;
    public const int MaxRequestsPerPhase = 2_000_000;
    public const int MaxReplyTimeoutSeconds = 15;
    public const int MaxRounds = 5;
    public const int MaxUsers = 100_000;

    /// <summary>The longest a whole run or compare may be planned for (warm-ups plus measurements).</summary>
    public static readonly TimeSpan MaxPlannedLoad = TimeSpan.FromMinutes(8);

    /// <summary>Added to the plan for target start-up, drains and probes; past plan plus this the run is cancelled.</summary>
    public static readonly TimeSpan Overhead = TimeSpan.FromMinutes(2);
}

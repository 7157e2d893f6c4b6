namespace HealthGuideBot.LoadTool.Load;

/// <summary>How one phase of load is shaped; validated against <see cref="LoadLimits"/> by the command line.</summary>
internal sealed record LoadSettings
{
    public required TimeSpan Warmup { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>Caps the activities sent in one measured phase (and in one warm-up).</summary>
    public required int MaxRequests { get; init; }

    /// <summary>A reply not received this long after its POST started is lost; the POST itself gets the same bound.</summary>
    public required TimeSpan ReplyTimeout { get; init; }

    public required string Text { get; init; }

    /// <summary>Protocol (every activity says <see cref="Text"/>) or answers (rotating through <see cref="Questions"/>).</summary>
    public Workload Workload { get; init; } = Workload.Protocol;

    /// <summary>The answer workload's questions; null for the protocol workload.</summary>
    public QuestionSet? Questions { get; init; }

    /// <summary>Virtual users (one Teams personal conversation each), split evenly and disjointly between workers.</summary>
    public required int Users { get; init; }

    /// <summary>Tenants the users are spread over (user i is in tenant i mod Tenants).</summary>
    public required int Tenants { get; init; }
}

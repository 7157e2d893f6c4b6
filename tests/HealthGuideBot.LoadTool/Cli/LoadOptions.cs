using System.CommandLine;
using HealthGuideBot.LoadTool.Load;

namespace HealthGuideBot.LoadTool.Cli;

/// <summary>The options <c>run</c> and <c>compare</c> share, each bounded by <see cref="LoadLimits"/>.</summary>
internal sealed class LoadOptions
{
    public Option<int[]> Concurrency { get; } = new("--concurrency", "-c")
    {
        Description = "Concurrent virtual users (closed loop); several values run one after another.",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [1, 16, 64],
    };

    public Option<int> Warmup { get; } = Seconds("--warmup", "Warm-up before each measurement, in seconds (not measured).", 5, 0, LoadLimits.MaxWarmupSeconds);

    public Option<int> Duration { get; } = Seconds("--duration", "Measurement time per phase, in seconds.", 10, 1, LoadLimits.MaxDurationSeconds);

    public Option<int> ReplyTimeout { get; } = Seconds("--reply-timeout", "A reply not at the sink this many seconds after its POST started is lost.", 5, 1, LoadLimits.MaxReplyTimeoutSeconds);

    public Option<int> MaxRequests { get; } = Bounded("--max-requests", "Cap on activities per warm-up and per measured phase.", 200_000, 1, LoadLimits.MaxRequestsPerPhase);

    public Option<int> Users { get; } = Bounded("--users", "Virtual users (one personal conversation each), split disjointly between workers.", 4096, 1, LoadLimits.MaxUsers);

    public Option<int> Tenants { get; } = Bounded("--tenants", "Tenants the users are spread over.", 256, 1, LoadLimits.MaxUsers);

    public Option<string> Text { get; } = new("--text")
    {
        Description = "The message text with --workload protocol (\"help\" takes the bot's protocol path: no search).",
        DefaultValueFactory = _ => "help",
    };

    public Option<Workload> Workload { get; } = new("--workload", "-w")
    {
        Description = "protocol: every activity says --text (the protocol path). answers: activities rotate through the knowledge evaluation questions " +
            "(emergencies, policy questions, off-topic), the answer path, with our bot's server-side turn timings.",
        DefaultValueFactory = _ => Load.Workload.Protocol,
    };

    public Option<string?> RepoRoot { get; } = new("--repo-root")
    {
        Description = "The repository root (holds HealthGuideBot.sln); found from the current directory by default.",
    };

    public Option<string[]> BotSettings { get; } = new("--bot-setting")
    {
        Description = "Extra bot configuration as key=value (e.g. DOTNET_gcServer=0 or HealthGuideBot:School:Name=Test), passed as environment variables; {dataDir} is replaced by a temporary folder.",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    public LoadOptions()
    {
        Concurrency.Validators.Add(result =>
        {
            var values = result.GetValueOrDefault<int[]>() ?? [];
            if (values.Length == 0 || values.Any(v => v is < 1 or > LoadLimits.MaxConcurrency))
            {
                result.AddError($"--concurrency takes 1 to {LoadLimits.MaxConcurrency} for each value.");
            }
        });
    }

    public IEnumerable<Option> All =>
        [Concurrency, Warmup, Duration, ReplyTimeout, MaxRequests, Users, Tenants, Workload, Text, RepoRoot, BotSettings];

    public LoadSettings ToSettings(ParseResult parse) => new()
    {
        Workload = parse.GetValue(Workload),
        Questions = parse.GetValue(Workload) == Load.Workload.Answers ? QuestionSet.LoadEmbedded() : null,
        Warmup = TimeSpan.FromSeconds(parse.GetValue(Warmup)),
        Duration = TimeSpan.FromSeconds(parse.GetValue(Duration)),
        ReplyTimeout = TimeSpan.FromSeconds(parse.GetValue(ReplyTimeout)),
        MaxRequests = parse.GetValue(MaxRequests),
        Text = parse.GetValue(Text) ?? "help",
        Users = parse.GetValue(Users),
        Tenants = parse.GetValue(Tenants),
    };

    public IReadOnlyDictionary<string, string> ParseBotSettings(ParseResult parse)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in parse.GetValue(BotSettings) ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new LoadToolException($"--bot-setting '{pair}' is not key=value.");
            }

            settings[pair[..equals]] = pair[(equals + 1)..];
        }

        return settings;
    }

    private static Option<int> Seconds(string name, string description, int defaultValue, int min, int max) =>
        Bounded(name, description, defaultValue, min, max);

    private static Option<int> Bounded(string name, string description, int defaultValue, int min, int max)
    {
        var option = new Option<int>(name) { Description = $"{description} {min} to {max}.", DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError($"{name} takes {min} to {max}; got {value}.");
            }
        });
        return option;
    }
}

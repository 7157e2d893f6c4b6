using System.Diagnostics.Metrics;

namespace HealthGuideBot.Host.Diagnostics;

/// <summary>
/// The bot's own turn timing, as a <see cref="System.Diagnostics.Metrics"/> histogram that any metrics pipeline
/// (dotnet-counters, OpenTelemetry) can read: Meter <c>HealthGuideBot</c>, instrument
/// <c>healthguidebot.turn.duration</c> in milliseconds, tagged <c>healthguidebot.route</c> = emergency, question or
/// other. Only the route kind is recorded: never the message text, the user or the pupil. A turn's time includes its
/// replies' POSTs to the connector (the turn is done when they are accepted), not the inbound parse and authentication.
/// </summary>
internal sealed class TurnMetrics
{
    public const string MeterName = "HealthGuideBot";
    public const string DurationInstrument = "healthguidebot.turn.duration";
    public const string RouteTag = "healthguidebot.route";

    private readonly TimeProvider _time;

    public TurnMetrics(IMeterFactory meters, TimeProvider time)
    {
        _time = time;
        Meter = meters.Create(MeterName);
        Duration = Meter.CreateHistogram<double>(
            DurationInstrument,
            unit: "ms",
            description: "Time the bot spent on one turn, from routing the inbound activity until the connector accepted its replies.");
    }

    public Meter Meter { get; }

    public Histogram<double> Duration { get; }

    public long Start() => _time.GetTimestamp();

    public void Record(long started, string route) =>
        Duration.Record(_time.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>(RouteTag, route));
}

/// <summary>The route kinds a turn is tagged with: a closed set, so the metric never carries free text.</summary>
internal static class TurnRoutes
{
    public const string Emergency = "emergency";
    public const string Question = "question";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Emergency, Question, Other];
}

/// <summary>Which route answered this turn (scoped: one per turn). Routes that are not marked count as <c>other</c>.</summary>
internal sealed class TurnRoute
{
    public string Kind { get; private set; } = TurnRoutes.Other;

    /// <summary>Marks the turn as taken by <paramref name="kind"/> when <paramref name="answered"/>; passes it through.</summary>
    public bool MarkIf(bool answered, string kind)
    {
        if (answered)
        {
            Kind = kind;
        }

        return answered;
    }

    public void Mark(string kind) => Kind = kind;
}

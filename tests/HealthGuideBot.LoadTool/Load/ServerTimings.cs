namespace HealthGuideBot.LoadTool.Load;

/// <summary>
/// The bot's own turn durations over one measured phase, by route kind, read from its Development-only
/// <c>/dev/metrics/turns</c> snapshot (reset just before the phase). Percentiles are bucket upper bounds: never
/// below the true value, at most 5% above.
/// </summary>
internal sealed record ServerTimings(IReadOnlyDictionary<string, ServerRouteTimings> Routes)
{
    public const string Emergency = "emergency";
    public const string Question = "question";

    public ServerRouteTimings? this[string route] => Routes.TryGetValue(route, out var timings) ? timings : null;
}

internal sealed record ServerRouteTimings(long Count, double? P50Ms, double? P95Ms, double? P99Ms, double? MaxMs);

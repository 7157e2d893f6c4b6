namespace HealthGuideBot.Testing.Graph;

/// <summary>
/// What the Graph stand-in does instead of (or as well as) answering normally.
/// </summary>
/// <param name="Status">The HTTP status to answer with.</param>
/// <param name="Code">The Graph error code in the JSON error body, for example <c>nameAlreadyExists</c>.</param>
/// <param name="RetryAfter">A <c>Retry-After</c> header value (seconds or an HTTP date), or null.</param>
/// <param name="Deliver">Perform the operation anyway, then answer with the fault (a 504 that still delivered).</param>
/// <param name="Hold">Wait for this task before answering (a slow request). With <paramref name="Deliver"/>, the work is done first.</param>
public sealed record GraphFault(int Status, string? Code = null, string? RetryAfter = null, bool Deliver = false, Task? Hold = null)
{
    public static GraphFault Throttled(int seconds) => new(429, "TooManyRequests", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static GraphFault Unavailable(string? retryAfter = null) => new(503, "serviceNotAvailable", retryAfter);

    public static GraphFault GatewayTimeoutButDelivered() => new(504, "UnknownError", Deliver: true);

    public static GraphFault Forbidden() => new(403, "accessDenied");
}

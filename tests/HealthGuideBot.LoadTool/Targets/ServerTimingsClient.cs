using System.Net;
using System.Text.Json;
using HealthGuideBot.LoadTool.Load;

namespace HealthGuideBot.LoadTool.Targets;

/// <summary>
/// Reads our bot's server-side turn timings: <c>POST /dev/metrics/turns/reset</c> before a measured phase and
/// <c>GET /dev/metrics/turns</c> after it, on the target's own loopback origin. The bot maps both only in Development
/// and only for loopback callers; a target without them (the JS SDK peer) simply has no server timings.
/// </summary>
internal static class ServerTimingsClient
{
    private const string Path = "/dev/metrics/turns";

    /// <summary>Resets the bot's counts; false when the target does not offer them.</summary>
    public static async Task<bool> TryResetAsync(LoadTarget target, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await target.Client.PostAsync(new Uri(target.MessagesUrl, Path + "/reset"), null, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public static async Task<ServerTimings?> TryReadAsync(LoadTarget target, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await target.Client.GetAsync(new Uri(target.MessagesUrl, Path), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            return Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary><c>{"routes":[{"route":"emergency","count":n,"p50Ms":…,"p95Ms":…,"p99Ms":…,"maxMs":…},…]}</c>.</summary>
    public static ServerTimings Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var routes = new Dictionary<string, ServerRouteTimings>(StringComparer.Ordinal);
            foreach (var route in document.RootElement.GetProperty("routes").EnumerateArray())
            {
                routes[route.GetProperty("route").GetString() ?? string.Empty] = new ServerRouteTimings(
                    route.GetProperty("count").GetInt64(), Number(route, "p50Ms"), Number(route, "p95Ms"), Number(route, "p99Ms"), Number(route, "maxMs"));
            }

            return new ServerTimings(routes);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new LoadToolException($"The bot's {Path} answer is not the expected snapshot: {exception.Message}");
        }
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}

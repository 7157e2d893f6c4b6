using System.Globalization;
using System.Text.Json;

namespace HealthGuideBot.EndToEnd.Tests.Playground;

/// <summary>
/// One item of the Playground's log websocket (<c>/_ws/log/stream</c>): an activity it sent to the bot with the bot's
/// HTTP answer, or a connector call the bot made with the Playground's answer. Shape (0.2.28, seen on the wire):
/// <c>{"logAction":"appendLog","log":{"activityName":"message","from":"Microsoft 365 Agents Playground","to":"User Application",
/// "request":{"body":{…activity…}},"response":{"statusCode":200,"body":…},"type":"bot",…}}</c>.
/// </summary>
public sealed record PlaygroundLogEntry(string? ActivityName, string? From, string? To, int? StatusCode, JsonElement Raw)
{
    private const string PlaygroundName = "Microsoft 365 Agents Playground";
    private const string BotName = "User Application";

    /// <summary>An activity the Playground delivered to the bot; <see cref="StatusCode"/> is the bot's answer.</summary>
    public bool IsToBot => From == PlaygroundName && To == BotName;

    /// <summary>A call the bot made to the mocked connector; <see cref="StatusCode"/> is the connector's answer.</summary>
    public bool IsFromBot => From == BotName && To == PlaygroundName;

    public JsonElement RequestBody =>
        Raw.TryGetProperty("request", out var request) && request.TryGetProperty("body", out var body) ? body : default;

    public JsonElement ResponseBody =>
        Raw.TryGetProperty("response", out var response) && response.TryGetProperty("body", out var body) ? body : default;

    internal static PlaygroundLogEntry? Parse(JsonElement streamEvent)
    {
        if (!streamEvent.TryGetProperty("log", out var log) || log.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        int? status = log.TryGetProperty("response", out var response)
            && response.TryGetProperty("statusCode", out var code) && code.TryGetInt32(out var value)
                ? value
                : null;
        return new PlaygroundLogEntry(
            StringOf(log, "activityName"), StringOf(log, "from"), StringOf(log, "to"), status, log.Clone());
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public override string ToString()
    {
        var text = StringOf(Raw, "displayText");
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{From} -> {To}: {ActivityName ?? StringOf(Raw, "type")} => {StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        if (!string.IsNullOrEmpty(text))
        {
            summary += $" \"{text}\"";
        }

        if (StatusCode is >= 300 && ResponseBody.ValueKind != JsonValueKind.Undefined)
        {
            summary += $" {ResponseBody.GetRawText()}";
        }

        return summary;
    }
}

using System.Text.Json.Serialization;

namespace HealthGuideBot.BotFramework.Schema;

/// <summary>The connector's error body: <c>{"error":{"code":…,"message":…}}</c> (spec "Error response").</summary>
public sealed record ErrorResponse
{
    [JsonPropertyName("error")]
    public ConnectorError? Error { get; init; }
}

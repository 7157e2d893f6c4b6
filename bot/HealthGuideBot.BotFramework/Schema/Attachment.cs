using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HealthGuideBot.BotFramework.Schema;

/// <summary>An attachment: an Adaptive Card, a file or a link (spec "Attachment").</summary>
public sealed record Attachment
{
    [JsonPropertyName("contentType")]
    public string? ContentType { get; init; }

    [JsonPropertyName("contentUrl")]
    public string? ContentUrl { get; init; }

    [JsonPropertyName("content")]
    public JsonNode? Content { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("thumbnailUrl")]
    public string? ThumbnailUrl { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

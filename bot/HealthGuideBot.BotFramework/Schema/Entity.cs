using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthGuideBot.BotFramework.Schema;

/// <summary>
/// An entity attached to an activity. Only the fields of a <c>mention</c> are typed; anything else stays in
/// <see cref="ExtensionData"/>.
/// </summary>
public sealed record Entity
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>For a mention: who was mentioned.</summary>
    [JsonPropertyName("mentioned")]
    public ChannelAccount? Mentioned { get; init; }

    /// <summary>For a mention: the text of the mention as it appears in the message, e.g. <c>&lt;at&gt;Bot&lt;/at&gt;</c>.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

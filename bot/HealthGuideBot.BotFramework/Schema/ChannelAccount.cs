using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthGuideBot.BotFramework.Schema;

/// <summary>A user or bot on a channel (spec "Channel account").</summary>
public sealed record ChannelAccount
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The Microsoft Entra object id of the user (Teams sends it for every user).</summary>
    [JsonPropertyName("aadObjectId")]
    public string? AadObjectId { get; init; }

    [JsonPropertyName("role")]
    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthGuideBot.BotFramework.Schema;

/// <summary>The conversation an activity belongs to (spec "Conversation account").</summary>
public sealed record ConversationAccount
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Teams: <c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    [JsonPropertyName("conversationType")]
    public string? ConversationType { get; init; }

    [JsonPropertyName("tenantId")]
    public string? TenantId { get; init; }

    [JsonPropertyName("isGroup")]
    public bool? IsGroup { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

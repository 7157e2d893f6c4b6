using System.Text.Json.Serialization;

namespace HealthGuideBot.BotFramework.Schema;

/// <summary>The connector's answer to a send: the id of the created resource.</summary>
public sealed record ResourceResponse
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }
}

/// <summary>The body of a create-conversation request (Teams 1:1 needs the tenant id).</summary>
public sealed record ConversationParameters
{
    [JsonPropertyName("isGroup")]
    public bool IsGroup { get; init; }

    [JsonPropertyName("bot")]
    public ChannelAccount? Bot { get; init; }

    [JsonPropertyName("members")]
    public IReadOnlyList<ChannelAccount>? Members { get; init; }

    [JsonPropertyName("tenantId")]
    public string? TenantId { get; init; }

    [JsonPropertyName("activity")]
    public Activity? Activity { get; init; }

    [JsonPropertyName("channelData")]
    public System.Text.Json.Nodes.JsonObject? ChannelData { get; init; }
}

/// <summary>The connector's answer to create-conversation.</summary>
public sealed record ConversationResourceResponse
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("activityId")]
    public string? ActivityId { get; init; }

    [JsonPropertyName("serviceUrl")]
    public string? ServiceUrl { get; init; }
}

using System.Text.Json.Serialization;

namespace HealthGuideBot.BotFramework.Schema;

/// <summary>
/// What the bot needs to message a conversation later, outside a turn (spec "Conversation reference").
/// </summary>
public sealed record ConversationReference
{
    [JsonPropertyName("activityId")]
    public string? ActivityId { get; init; }

    [JsonPropertyName("user")]
    public ChannelAccount? User { get; init; }

    [JsonPropertyName("bot")]
    public ChannelAccount? Bot { get; init; }

    [JsonPropertyName("conversation")]
    public required ConversationAccount Conversation { get; init; }

    [JsonPropertyName("channelId")]
    public required string ChannelId { get; init; }

    [JsonPropertyName("serviceUrl")]
    public required string ServiceUrl { get; init; }

    [JsonPropertyName("locale")]
    public string? Locale { get; init; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthGuideBot.BotFramework.Schema;

/// <summary>
/// The Bot Framework activity, as the Activity protocol specification defines it. Fields the bot depends on are
/// typed; every other field is kept in <see cref="ExtensionData"/> so that it survives a round trip (spec A2005:
/// "Receivers MUST accept fields they do not understand").
/// </summary>
public sealed record Activity
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }

    [JsonPropertyName("localTimestamp")]
    public DateTimeOffset? LocalTimestamp { get; init; }

    [JsonPropertyName("serviceUrl")]
    public string? ServiceUrl { get; init; }

    [JsonPropertyName("channelId")]
    public string? ChannelId { get; init; }

    [JsonPropertyName("from")]
    public ChannelAccount? From { get; init; }

    [JsonPropertyName("conversation")]
    public ConversationAccount? Conversation { get; init; }

    [JsonPropertyName("recipient")]
    public ChannelAccount? Recipient { get; init; }

    [JsonPropertyName("textFormat")]
    public string? TextFormat { get; init; }

    [JsonPropertyName("locale")]
    public string? Locale { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    [JsonPropertyName("attachmentLayout")]
    public string? AttachmentLayout { get; init; }

    [JsonPropertyName("attachments")]
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    [JsonPropertyName("suggestedActions")]
    public SuggestedActions? SuggestedActions { get; init; }

    [JsonPropertyName("entities")]
    public IReadOnlyList<Entity>? Entities { get; init; }

    [JsonPropertyName("channelData")]
    public JsonElement? ChannelData { get; init; }

    [JsonPropertyName("action")]
    public string? Action { get; init; }

    [JsonPropertyName("replyToId")]
    public string? ReplyToId { get; init; }

    [JsonPropertyName("value")]
    public JsonElement? Value { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("membersAdded")]
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    [JsonPropertyName("membersRemoved")]
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    /// <summary>
    /// Set by the receiver from the authenticated caller, never taken from the wire (spec A2251): the endpoint
    /// overwrites whatever the sender put here.
    /// </summary>
    [JsonPropertyName("callerId")]
    public string? CallerId { get; init; }

    /// <summary>Fields this library does not model, preserved verbatim (spec A2005).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

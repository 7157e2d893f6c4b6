using System.Text.Json.Serialization;

namespace HealthGuideBot.BotFramework.Schema;

/// <summary>
/// One connector error, for example code <c>BotNotInConversationRoster</c>, <c>MessageWritesBlocked</c> or
/// <c>MessageSizeTooBig</c>. The message is for people reading the wire, not for logs.
/// </summary>
public sealed record ConnectorError
{
    [JsonPropertyName("code")]
    public string? Code { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}

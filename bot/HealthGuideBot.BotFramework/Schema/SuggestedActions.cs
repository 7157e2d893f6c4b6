using System.Text.Json.Serialization;

namespace HealthGuideBot.BotFramework.Schema;

/// <summary>Buttons shown under a message (Teams shows <c>imBack</c> ones in 1:1 chats).</summary>
public sealed record SuggestedActions
{
    [JsonPropertyName("to")]
    public IReadOnlyList<string>? To { get; init; }

    [JsonPropertyName("actions")]
    public required IReadOnlyList<CardAction> Actions { get; init; }
}

/// <summary>A button outside an Adaptive Card.</summary>
public sealed record CardAction
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("value")]
    public string? Value { get; init; }
}

using System.Text.Json.Nodes;
using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.BotFramework.Turns;

/// <summary>Builds outbound message activities; addressing is filled in by the turn context.</summary>
public static class MessageFactory
{
    /// <summary>A plain markdown text message.</summary>
    public static Activity Text(string text) =>
        new() { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormats.Markdown };

    /// <summary>A message carrying one Adaptive Card.</summary>
    public static Activity Card(JsonObject card, string? summary = null) =>
        new()
        {
            Type = ActivityTypes.Message,
            Summary = summary,
            Attachments = [new Attachment { ContentType = AdaptiveCardContentType.Value, Content = card }],
        };
}

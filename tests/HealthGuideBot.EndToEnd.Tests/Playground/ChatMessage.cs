using System.Text.Json;

namespace HealthGuideBot.EndToEnd.Tests.Playground;

/// <summary>
/// One message as the Playground shows it: a <c>createMessage</c> or <c>updateMessage</c> event of its conversation
/// websocket. Shape (0.2.28, seen on the wire):
/// <c>{"action":"createMessage","actionConversationId":"…","message":{"messageId":"…","timestamp":…,"from":{"id":"&lt;bot id&gt;"},
/// "text":"…","textFormat":"markdown","attachments":[{"contentType":"…","content":{…}}],"attachmentLayout":"list","mentions":[]}}</c>.
/// A bot activity with both text and attachments arrives as two messages: the text, then the attachments
/// (message id suffixed <c>-xxxxxxxx</c>).
/// </summary>
public sealed record ChatMessage(
    string Action,
    string ConversationId,
    string MessageId,
    string? FromId,
    string? Text,
    IReadOnlyList<ChatAttachment> Attachments,
    JsonElement Raw)
{
    public const string CreateAction = "createMessage";
    public const string UpdateAction = "updateMessage";

    public IEnumerable<AdaptiveCard> AdaptiveCards =>
        Attachments.Where(a => a.ContentType == AdaptiveCard.ContentType).Select(a => new AdaptiveCard(a.Content));

    public bool HasAdaptiveCard => AdaptiveCards.Any();

    /// <summary>The message text and the text of its cards, for "does it mention X" checks.</summary>
    public string AllText =>
        string.Join("\n", new[] { Text ?? "" }.Concat(AdaptiveCards.SelectMany(c => c.TextBlocks)));

    internal static ChatMessage? Parse(JsonElement streamEvent)
    {
        var name = streamEvent.TryGetProperty("action", out var action) ? action.GetString() : null;
        if (name is not (CreateAction or UpdateAction) || !streamEvent.TryGetProperty("message", out var message))
        {
            return null; // "typing", or something newer than 0.2.28
        }

        var attachments = message.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
                .Select(a => new ChatAttachment(
                    a.TryGetProperty("contentType", out var type) ? type.GetString() ?? "" : "",
                    a.TryGetProperty("content", out var content) ? content.Clone() : default))
                .ToList()
            : [];
        return new ChatMessage(
            name,
            streamEvent.TryGetProperty("actionConversationId", out var conversation) ? conversation.GetString() ?? "" : "",
            message.TryGetProperty("messageId", out var id) ? id.GetString() ?? "" : "",
            message.TryGetProperty("from", out var from) && from.TryGetProperty("id", out var fromId) ? fromId.GetString() : null,
            message.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null,
            attachments,
            streamEvent.Clone());
    }

    public override string ToString() =>
        $"{Action} {MessageId} from {FromId}: \"{Text}\" [{string.Join(", ", Attachments.Select(a => a.ContentType))}]";
}

public sealed record ChatAttachment(string ContentType, JsonElement Content);

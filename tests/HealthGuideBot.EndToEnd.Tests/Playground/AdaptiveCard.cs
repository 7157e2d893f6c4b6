using System.Text.Json;
using System.Text.Json.Nodes;

namespace HealthGuideBot.EndToEnd.Tests.Playground;

/// <summary>Reads an Adaptive Card the bot sent: its text blocks and its buttons, wherever they sit in the card.</summary>
public sealed record AdaptiveCard(JsonElement Content)
{
    // The tests spell the content type themselves, on purpose: they check the bot against Teams, not against its own constant.
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public string? Type => Content.ValueKind == JsonValueKind.Object && Content.TryGetProperty("type", out var t) ? t.GetString() : null;

    /// <summary>The text of every TextBlock and RichTextBlock run, depth first.</summary>
    public IEnumerable<string> TextBlocks => Walk(Content)
        .Where(e => TypeOf(e) is "TextBlock" or "TextRun")
        .Select(e => e.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "");

    /// <summary>Every action (Action.Submit, Action.Execute, …): card actions, ActionSets and show-card sub-cards.</summary>
    public IEnumerable<CardAction> Actions => Walk(Content)
        .Where(e => TypeOf(e)?.StartsWith("Action.", StringComparison.Ordinal) == true)
        .Select(e => new CardAction(e));

    private static string? TypeOf(JsonElement element) =>
        element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;

    private static IEnumerable<JsonElement> Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                yield return element;
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "data")
                    {
                        continue; // action payloads are data, not card elements
                    }

                    foreach (var inner in Walk(property.Value))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in Walk(item))
                    {
                        yield return inner;
                    }
                }

                break;
            default:
                break;
        }
    }

    public override string ToString() => Content.GetRawText();
}

/// <summary>One button of a card.</summary>
public sealed record CardAction(JsonElement Element)
{
    public string Type => Element.GetProperty("type").GetString() ?? "";

    public string? Title => Element.TryGetProperty("title", out var title) ? title.GetString() : null;

    /// <summary>Action.Execute's verb, or by our convention the <c>verb</c> field of Action.Submit's data.</summary>
    public string? Verb =>
        Element.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String ? verb.GetString()
        : Data is JsonObject data && data["verb"] is JsonValue value && value.TryGetValue<string>(out var s) ? s
        : null;

    /// <summary>The action's data, or an empty object.</summary>
    public JsonNode Data =>
        Element.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null
            ? JsonNode.Parse(data.GetRawText())! // non-null: the JSON value is not null (checked above)
            : new JsonObject();

    public override string ToString() => Element.GetRawText();
}

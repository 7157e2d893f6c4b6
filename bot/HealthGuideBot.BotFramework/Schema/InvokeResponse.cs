using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HealthGuideBot.BotFramework.Schema;

/// <summary>
/// What an <c>invoke</c> activity returns in the HTTP response body: a status and an optional body.
/// </summary>
public sealed record InvokeResponse(int Status, JsonNode? Body);

/// <summary>
/// The body of an <c>adaptiveCard/action</c> invoke response (Universal Actions): <c>{statusCode, type, value}</c>.
/// </summary>
public sealed record AdaptiveCardInvokeResponse
{
    public const string CardType = Cards.AdaptiveCardContentType.Value;
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";
    public const string PreconditionFailedType = "application/vnd.microsoft.error.preconditionFailed";
    public const string LoginRequestType = "application/vnd.microsoft.activity.loginRequest";

    [JsonPropertyName("statusCode")]
    public required int StatusCode { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("value")]
    public JsonNode? Value { get; init; }

    /// <summary>A card that replaces the one the user acted on.</summary>
    public static AdaptiveCardInvokeResponse Card(JsonObject card) =>
        new() { StatusCode = 200, Type = CardType, Value = card };

    /// <summary>A short text message shown to the user.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) =>
        new() { StatusCode = 200, Type = MessageType, Value = JsonValue.Create(text) };

    /// <summary>A safe error: the message must contain nothing sensitive.</summary>
    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new()
        {
            StatusCode = statusCode,
            Type = ErrorType,
            Value = new JsonObject { ["code"] = code, ["message"] = message },
        };

    /// <summary>The card is stale (spec: 412 <c>preconditionFailed</c>).</summary>
    public static AdaptiveCardInvokeResponse PreconditionFailed(string message) =>
        new()
        {
            StatusCode = 412,
            Type = PreconditionFailedType,
            Value = new JsonObject { ["code"] = "PreconditionFailed", ["message"] = message },
        };
}

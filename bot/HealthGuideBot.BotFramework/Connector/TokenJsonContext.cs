using System.Text.Json.Serialization;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// Source-generated JSON for identity endpoint responses. Kept apart from <c>BotFrameworkJsonContext</c>, which is
/// the Bot Framework wire schema: these are OAuth shapes, and managed identity endpoints send numbers as strings.
/// </summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TokenEndpointResponse))]
internal sealed partial class TokenJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace HealthGuideBot.Infrastructure.Filing;

/// <summary>Data for <c>cards/filing/filing-parked.json</c>: identifiers and a status reason, never record content.</summary>
internal sealed record FilingParkedCardModel(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("reason")] string Reason);

[JsonSerializable(typeof(FilingParkedCardModel))]
internal sealed partial class FilingCardJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace HealthGuideBot.Host.Conversations.Help;

/// <summary>Data for <c>cards/help/help.json</c>.</summary>
internal sealed record HelpCardModel(string SchoolName, IReadOnlyList<HelpTopic> Topics);

/// <summary>Data for <c>cards/help/help-topic.json</c>.</summary>
internal sealed record HelpTopicCardModel(HelpTopic Topic);

/// <summary>The data of the help cards' buttons.</summary>
internal sealed record HelpActionData(
    [property: JsonPropertyName("verb")] string? Verb,
    [property: JsonPropertyName("topic")] string? Topic);

/// <summary>Source-generated JSON contracts for the help cards.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HelpCardModel))]
[JsonSerializable(typeof(HelpTopicCardModel))]
[JsonSerializable(typeof(HelpActionData))]
internal sealed partial class HelpJsonContext : JsonSerializerContext;

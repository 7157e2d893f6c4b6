using System.Text.Json.Serialization;

namespace HealthGuideBot.Host.CommandLine;

/// <summary>One answer as the <c>ask --json</c> command prints it.</summary>
internal sealed record AskResult(
    [property: JsonPropertyName("emergency")] bool Emergency,
    [property: JsonPropertyName("topic")] string? Topic,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("citations")] IReadOnlyList<AskCitation> Citations,
    [property: JsonPropertyName("confidence")] double Confidence);

/// <summary>A citation: document, title, section and the date it was reviewed (ISO).</summary>
internal sealed record AskCitation(
    [property: JsonPropertyName("documentId")] string DocumentId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("reviewed")] string Reviewed);

/// <summary>Source-generated JSON for the command line's output.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(AskResult))]
internal sealed partial class CommandLineJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;
using HealthGuideBot.Core.Questions;
using HealthGuideBot.Host.Conversations.Emergency;

namespace HealthGuideBot.Host.Conversations.Questions;

/// <summary>Data for <c>cards/questions/answer.json</c>.</summary>
internal sealed record AnswerCardModel(
    string Excerpt,
    bool Overdue,
    bool NotApproved,
    string AskRole,
    string DocumentId,
    string Confidence,
    bool Generated,
    IReadOnlyList<CitationLine> Citations)
{
    public static AnswerCardModel From(string excerpt, IReadOnlyList<Citation> citations, double confidence, string askRole, bool generated) => new(
        excerpt,
        citations.Any(c => c.IsOverdue),
        citations.Any(c => !c.Source.IsApproved),
        askRole,
        citations.Count > 0 ? citations[0].Source.DocumentId : string.Empty,
        confidence switch { >= 0.8 => "high", >= 0.6 => "medium", _ => "low" },
        generated,
        [.. citations.Select((c, i) => new CitationLine(
            i + 1,
            c.Source.Title,
            c.Source.Section,
            SourceLine.UkDate(c.Source.Reviewed),
            c.IsOverdue ? " (past its review date)" : string.Empty))]);
}

/// <summary>One numbered citation.</summary>
internal sealed record CitationLine(int Number, string Title, string Section, string Reviewed, string OverdueNote);

/// <summary>Data for <c>cards/questions/did-you-mean.json</c>.</summary>
internal sealed record DidYouMeanCardModel(string AskRole, IReadOnlyList<SuggestionLine> Suggestions);

/// <summary>One suggested section.</summary>
internal sealed record SuggestionLine(string Title, string Section, string SectionId);

/// <summary>The data of the "did you mean" buttons.</summary>
internal sealed record SectionChoice([property: JsonPropertyName("verb")] string? Verb, [property: JsonPropertyName("sectionId")] string? SectionId);

/// <summary>The data of the feedback buttons.</summary>
internal sealed record FeedbackChoice(
    [property: JsonPropertyName("verb")] string? Verb,
    [property: JsonPropertyName("documentId")] string? DocumentId,
    [property: JsonPropertyName("kind")] string? Kind);

/// <summary>Source-generated JSON contracts for the answer cards.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AnswerCardModel))]
[JsonSerializable(typeof(DidYouMeanCardModel))]
[JsonSerializable(typeof(SectionChoice))]
[JsonSerializable(typeof(FeedbackChoice))]
internal sealed partial class QuestionsJsonContext : JsonSerializerContext;

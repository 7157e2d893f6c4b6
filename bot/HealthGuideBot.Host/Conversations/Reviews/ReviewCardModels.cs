using System.Text.Json.Serialization;

namespace HealthGuideBot.Host.Conversations.Reviews;

/// <summary>Data for <c>cards/plans/review-prompt.json</c>.</summary>
internal sealed record ReviewPromptCardModel(
    string Heading,
    string? Reason,
    string PupilName,
    string ClassName,
    string PlanId,
    int PlanVersion,
    string DueDate,
    string NurseName,
    int SnoozeDays,
    string? Status,
    bool ShowActions,
    IReadOnlyList<NurseChoice> Nurses);

/// <summary>One nurse in the "Reassign" list.</summary>
internal sealed record NurseChoice(string UserId, string Name);

/// <summary>The data of the review prompt's buttons (the action's data merged with the card's inputs).</summary>
internal sealed record ReviewActionData(
    [property: JsonPropertyName("planId")] string? PlanId,
    [property: JsonPropertyName("version")] int? Version,
    [property: JsonPropertyName("nurseUserId")] string? NurseUserId);

/// <summary>What one sweep did: counts only (no pupil data).</summary>
internal sealed record ReviewSweepReport(string Today, int Reviews, int Sent, int AlreadySent, int Unreachable, int Failed);

/// <summary>The body of the Development-only <c>POST /dev/reviews/schedule</c>.</summary>
internal sealed record DevelopmentReviewRequest(string PlanId, int Version, string PupilId, string DueDate, string ResponsibleNurseUserId);

/// <summary>Source-generated JSON contracts for the review prompts.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ReviewPromptCardModel))]
[JsonSerializable(typeof(ReviewActionData))]
[JsonSerializable(typeof(ReviewSweepReport))]
[JsonSerializable(typeof(DevelopmentReviewRequest))]
internal sealed partial class ReviewsJsonContext : JsonSerializerContext;

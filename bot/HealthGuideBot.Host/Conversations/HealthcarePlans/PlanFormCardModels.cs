using System.Text.Json.Serialization;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>Data for <c>cards/plans/plan-step.json</c>: one step of the form.</summary>
internal sealed record PlanStepCardModel(
    string Heading,
    int StepNumber,
    int StepCount,
    string Title,
    string? PupilLine,
    string? Intro,
    string? PreviousChangesTitle,
    IReadOnlyList<string>? PreviousChanges,
    IReadOnlyList<string>? Errors,
    IReadOnlyList<PlanFieldCardModel> Fields);

/// <summary>One input on a step card; <see cref="Kind"/> is <c>text</c>, <c>choice</c> or <c>toggle</c>.</summary>
internal sealed record PlanFieldCardModel(
    string Id,
    string Label,
    string Kind,
    bool IsRequired,
    bool IsMultiline,
    int MaxLength,
    string? Regex,
    string? ErrorMessage,
    string? Placeholder,
    string? Value,
    IReadOnlyList<CardChoice>? Choices,
    string? Error);

internal sealed record CardChoice(string Title, string Value);

internal sealed record CardFact(string Title, string Value);

/// <summary>Data for <c>cards/plans/plan-summary.json</c>: everything entered, the changes of a review, and Submit.</summary>
internal sealed record PlanSummaryCardModel(
    string Heading,
    string SaveNote,
    bool Review,
    int? BaseVersion,
    IReadOnlyList<string>? Changes,
    IReadOnlyList<PlanSummarySection> Sections,
    string SubmissionId);

internal sealed record PlanSummarySection(string Title, IReadOnlyList<CardFact> Facts);

/// <summary>Data for <c>cards/plans/plan-saved.json</c>: the confirmation.</summary>
internal sealed record PlanSavedCardModel(
    string PupilName,
    string ClassName,
    string PlanReference,
    string Version,
    string PlanDate,
    string ReviewDate,
    string ResponsibleNurse);

/// <summary>Data for <c>cards/plans/plan-message.json</c>: a short message that replaces a form card in place.</summary>
internal sealed record PlanMessageCardModel(IReadOnlyList<string> Lines);

/// <summary>Source-generated JSON contracts of the plan cards; absent values leave their card properties out.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PlanStepCardModel))]
[JsonSerializable(typeof(PlanSummaryCardModel))]
[JsonSerializable(typeof(PlanSavedCardModel))]
[JsonSerializable(typeof(PlanMessageCardModel))]
internal sealed partial class PlanCardJsonContext : JsonSerializerContext;

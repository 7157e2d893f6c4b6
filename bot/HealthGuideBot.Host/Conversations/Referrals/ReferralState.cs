using System.Text.Json.Serialization;

namespace HealthGuideBot.Host.Conversations.Referrals;

/// <summary>
/// A referral in progress: the dialog's saved state (and a draft's, when saved for later). Answers are canonical
/// strings keyed by question id; <see cref="Current"/> is a question id, <see cref="ChooseService"/> or
/// <see cref="Review"/>.
/// </summary>
internal sealed record ReferralState
{
    public const string ChooseService = "@service";
    public const string Review = "@review";

    public required string ReferralId { get; init; }

    public string? ServiceId { get; init; }

    public string? PupilId { get; init; }

    public string? PupilName { get; init; }

    public string? PupilClass { get; init; }

    public Dictionary<string, string> Answers { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Questions answered from the pupil's record, plan or attendance rather than typed.</summary>
    public List<string> Prefilled { get; init; } = [];

    /// <summary>Optional questions the user skipped.</summary>
    public List<string> Skipped { get; init; } = [];

    /// <summary>Questions answered, in order: "back" steps through them.</summary>
    public List<string> History { get; init; } = [];

    /// <summary>Questions still to revisit after an "Edit section".</summary>
    public List<string> EditQueue { get; init; } = [];

    public required string Current { get; init; }

    public bool RiskIndicated { get; init; }

    public int? HealthAbsenceDays { get; init; }

    /// <summary>Pupils offered when a name matched several (ids), so the user can pick one.</summary>
    public List<string> PupilCandidates { get; init; } = [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ReferralState))]
[JsonSerializable(typeof(ReferralSummaryCardModel))]
[JsonSerializable(typeof(ReferralStartData))]
internal sealed partial class ReferralJsonContext : JsonSerializerContext;

/// <summary>Data for <c>cards/referrals/referral-summary.json</c>.</summary>
internal sealed record ReferralSummaryCardModel(
    string ReferralId,
    string ServiceName,
    string PupilName,
    string ClassName,
    bool RiskIndicated,
    int PrefilledCount,
    IReadOnlyList<ReferralSummarySection> Sections);

internal sealed record ReferralSummarySection(string Id, string Title, IReadOnlyList<ReferralSummaryAnswer> Answers);

internal sealed record ReferralSummaryAnswer(string Label, string Value);

/// <summary>The data of <c>referrals.start</c> (the attendance trigger's card) and of referral card buttons.</summary>
internal sealed record ReferralStartData(
    [property: JsonPropertyName("service")] string? Service,
    [property: JsonPropertyName("pupilId")] string? PupilId,
    [property: JsonPropertyName("healthAbsenceDays"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int? HealthAbsenceDays);

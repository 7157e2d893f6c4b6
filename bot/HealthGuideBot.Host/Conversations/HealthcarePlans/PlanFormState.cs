using System.Text.Json.Serialization;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>
/// The plan form's saved state (persisted between turns and in drafts, so it survives restarts). Form values are kept
/// as typed, by field id, until Submit turns them into a <see cref="Core.HealthcarePlans.HealthcarePlan"/>.
/// </summary>
internal sealed record PlanFormState
{
    /// <summary>The card the user is on: an index into <see cref="PlanFormFields.Steps"/>, or the summary.</summary>
    public int Step { get; init; }

    /// <summary>The first step Back can reach: the pupil step, or the one after it when the pupil was given at the start.</summary>
    public int FirstStep { get; init; }

    /// <summary>The plan this form saves a version of (new for a new plan).</summary>
    public required string PlanId { get; init; }

    /// <summary>The version under review, when the form edits an existing plan.</summary>
    public int? BaseVersion { get; init; }

    /// <summary>One id per run of the form, carried by the summary card's Submit: a double submit saves once.</summary>
    public required string SubmissionId { get; init; }

    /// <summary>Template A 7, fixed when the form starts (the school's date, Europe/London).</summary>
    public DateOnly PlanDate { get; init; }

    public string? PupilId { get; init; }

    public string? PupilName { get; init; }

    public string? PupilClass { get; init; }

    /// <summary>Pupils matching the typed name when it was ambiguous, to choose from.</summary>
    public IReadOnlyList<PupilOption>? PupilOptions { get; init; }

    public Dictionary<string, string> Values { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>A roster match offered on the pupil step.</summary>
internal sealed record PupilOption(string Id, string Name, string ClassName);

/// <summary>Source-generated JSON contract of the form state.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PlanFormState))]
internal sealed partial class PlanFormJsonContext : JsonSerializerContext;

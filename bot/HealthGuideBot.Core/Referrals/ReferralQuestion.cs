namespace HealthGuideBot.Core.Referrals;

/// <summary>One question of a service's referral form, as read from its question set file.</summary>
public sealed record ReferralQuestion
{
    /// <summary>Stable id: the key of the answer, used by "change &lt;field&gt;" and in conditions.</summary>
    public required string Id { get; init; }

    /// <summary>The section it belongs to (the summary card groups answers by section, with an Edit button each).</summary>
    public required string Section { get; init; }

    /// <summary>A short name for the summary card and for "change &lt;label&gt;".</summary>
    public required string Label { get; init; }

    /// <summary>What the bot asks.</summary>
    public required string Prompt { get; init; }

    public required QuestionType Type { get; init; }

    /// <summary>Required questions cannot be skipped.</summary>
    public bool Required { get; init; }

    /// <summary>A hint shown under the prompt.</summary>
    public string? Help { get; init; }

    /// <summary>The choices of a <see cref="QuestionType.Choice"/> question.</summary>
    public IReadOnlyList<QuestionChoice> Choices { get; init; } = [];

    public QuestionValidation? Validation { get; init; }

    /// <summary>Ask only when this holds; otherwise the question is not part of the referral.</summary>
    public QuestionCondition? Condition { get; init; }

    /// <summary>Where an answer can be pre-filled from (see <see cref="PrefillSources"/>), or null.</summary>
    public string? Prefill { get; init; }
}

/// <summary>A choice of a choice question. A choice with <see cref="Reject"/> is refused with that explanation.</summary>
public sealed record QuestionChoice(string Value, string Title, string? Reject = null);

/// <summary>Rules an answer must meet beyond its type.</summary>
public sealed record QuestionValidation
{
    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    /// <summary>Dates must not be after today (Europe/London).</summary>
    public bool NotInFuture { get; init; }

    /// <summary>Dates must not be before today (Europe/London).</summary>
    public bool NotInPast { get; init; }

    /// <summary>For yes/no questions: "no" is refused with this explanation (for example consent a service requires).</summary>
    public string? MustBeYes { get; init; }
}

/// <summary>"Ask only if the answer to <see cref="Question"/> is (or is not) <see cref="EqualsValue"/>."</summary>
public sealed record QuestionCondition
{
    public required string Question { get; init; }

    /// <summary>The canonical answer that makes the question apply (yes/no answers are <c>yes</c> and <c>no</c>).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("equals")]
    public string? EqualsValue { get; init; }

    /// <summary>The canonical answer that stops the question applying.</summary>
    public string? NotEquals { get; init; }

    public bool IsMet(IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.TryGetValue(Question, out var answer);
        return (EqualsValue is null || string.Equals(answer, EqualsValue, StringComparison.OrdinalIgnoreCase))
            && (NotEquals is null || (answer is not null && !string.Equals(answer, NotEquals, StringComparison.OrdinalIgnoreCase)));
    }
}

/// <summary>The pre-fill sources a question set may name.</summary>
public static class PrefillSources
{
    public const string PupilDateOfBirth = "pupil.dateOfBirth";
    public const string PupilClass = "pupil.class";
    public const string PlanCondition = "plan.condition";
    public const string PlanFamilyContacts = "plan.familyContacts";
    public const string PlanProfessionals = "plan.professionals";
    public const string AttendanceHealthAbsenceDays = "attendance.healthAbsenceDays";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        PupilDateOfBirth, PupilClass, PlanCondition, PlanFamilyContacts, PlanProfessionals, AttendanceHealthAbsenceDays,
    };
}

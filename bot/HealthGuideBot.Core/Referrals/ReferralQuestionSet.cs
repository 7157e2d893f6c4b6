namespace HealthGuideBot.Core.Referrals;

/// <summary>A service's referral form: sections and questions in the order they are asked.</summary>
public sealed record ReferralQuestionSet
{
    /// <summary>The service id (<see cref="ReferralServiceIds"/>).</summary>
    public required string Service { get; init; }

    /// <summary>The service's name as staff know it, e.g. "CAMHS / Mental Health Support Team".</summary>
    public required string Name { get; init; }

    /// <summary>Other words staff use for the service ("MHST", "EP", "panel").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public required IReadOnlyList<ReferralSection> Sections { get; init; }

    public required IReadOnlyList<ReferralQuestion> Questions { get; init; }

    public ReferralQuestion? Find(string questionId) =>
        Questions.FirstOrDefault(q => string.Equals(q.Id, questionId, StringComparison.Ordinal));

    public ReferralSection? FindSection(string sectionId) =>
        Sections.FirstOrDefault(s => string.Equals(s.Id, sectionId, StringComparison.Ordinal));

    /// <summary>Whether the question is part of the referral given the answers so far (its condition holds).</summary>
    public static bool Applies(ReferralQuestion question, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Condition is null || question.Condition.IsMet(answers);
    }
}

/// <summary>A group of questions, shown together on the summary card with one Edit button.</summary>
public sealed record ReferralSection(string Id, string Title);

using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthGuideBot.Core.Referrals;

/// <summary>
/// Reads a service's question set from JSON and checks it: unique ids, known sections, choices on choice questions,
/// conditions that refer to an earlier question, known pre-fill sources. A bad file fails loudly at start-up with
/// every problem listed, never half-loaded.
/// </summary>
public static class ReferralQuestionSetReader
{
    public static ReferralQuestionSet Read(string json, string source)
    {
        ReferralQuestionSet? set;
        try
        {
            set = JsonSerializer.Deserialize(json, ReferralQuestionSetJsonContext.Default.ReferralQuestionSet);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Referral question set {source} is not valid JSON: {ex.Message}", ex);
        }

        if (set is null)
        {
            throw new InvalidDataException($"Referral question set {source} is empty.");
        }

        // Source-generated deserialisation sets absent init-only lists to null: restore the empty defaults.
        set = set with
        {
            Aliases = set.Aliases ?? [],
            Sections = set.Sections ?? [],
            Questions = [.. (set.Questions ?? []).Select(q => q with { Choices = q.Choices ?? [] })],
        };
        var problems = Check(set);
        return problems.Count == 0
            ? set
            : throw new InvalidDataException($"Referral question set {source} has problems: {string.Join("; ", problems)}");
    }

    public static IReadOnlyList<string> Check(ReferralQuestionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(set.Service))
        {
            problems.Add("service is missing");
        }

        var sections = set.Sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (set.Questions.Count == 0)
        {
            problems.Add("there are no questions");
        }

        foreach (var question in set.Questions)
        {
            if (!seen.Add(question.Id))
            {
                problems.Add($"question id '{question.Id}' is used twice");
            }

            if (!sections.Contains(question.Section))
            {
                problems.Add($"question '{question.Id}' is in unknown section '{question.Section}'");
            }

            if (question.Type == QuestionType.Choice && question.Choices.Count < 2)
            {
                problems.Add($"choice question '{question.Id}' needs at least two choices");
            }

            if (question.Condition is { } condition && (condition.Question == question.Id || !seen.Contains(condition.Question)))
            {
                problems.Add($"question '{question.Id}' has a condition on '{condition.Question}', which is not an earlier question");
            }

            if (question.Prefill is { } prefill && !PrefillSources.All.Contains(prefill))
            {
                problems.Add($"question '{question.Id}' pre-fills from unknown source '{prefill}'");
            }
        }

        if (set.Questions.Count(q => q.Type == QuestionType.Pupil) != 1)
        {
            problems.Add("a referral needs exactly one pupil question");
        }

        return problems;
    }
}

/// <summary>Source-generated JSON contract for question set files (camelCase, comments and trailing commas allowed).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReferralQuestionSet))]
internal sealed partial class ReferralQuestionSetJsonContext : JsonSerializerContext;

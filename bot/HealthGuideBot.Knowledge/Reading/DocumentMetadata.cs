using System.Globalization;
using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Knowledge.Reading;

/// <summary>
/// Turns front-matter style key/value pairs (knowledge/README.md, "Front matter") into a <see cref="KnowledgeDocument"/>.
/// Markdown supplies them from YAML; Word and PDF from document properties under the same key names.
/// </summary>
internal static class DocumentMetadata
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Category = "category";
    public const string Owner = "owner";
    public const string Reviewed = "reviewed";
    public const string NextReview = "next-review";
    public const string ApprovedBy = "approved-by";
    public const string Audience = "audience";
    public const string CallNineNineNineFirst = "call-999-first";

    /// <summary>The keys every document must have, in README order.</summary>
    public static IReadOnlyList<string> Required { get; } = [Id, Title, Category, Owner, Reviewed, NextReview, ApprovedBy, Audience];

    /// <summary>Builds the document; throws <see cref="InvalidDataException"/> naming the file and every problem found.</summary>
    public static KnowledgeDocument ToDocument(IReadOnlyDictionary<string, string> values, string sourceFile)
    {
        var problems = new List<string>();
        foreach (var key in Required.Where(key => !values.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value)))
        {
            problems.Add($"'{key}' is missing");
        }

        var category = KnowledgeCategory.Policy;
        if (values.TryGetValue(Category, out var categoryText) && !Enum.TryParse(categoryText.Trim(), ignoreCase: true, out category))
        {
            problems.Add($"'category' is '{categoryText}', not one of emergency, policy, guidance, pathway");
        }

        var reviewed = ParseDate(values, Reviewed, problems);
        var nextReview = ParseDate(values, NextReview, problems);
        var callFirst = false;
        if (values.TryGetValue(CallNineNineNineFirst, out var callText) && !bool.TryParse(callText.Trim(), out callFirst))
        {
            problems.Add($"'call-999-first' is '{callText}', not true or false");
        }

        if (values.TryGetValue(Id, out var id) && !IsValidId(id.Trim()))
        {
            problems.Add($"'id' is '{id}'; use lower case letters, digits and hyphens");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{sourceFile}: {string.Join("; ", problems)}.");
        }

        return new KnowledgeDocument(
            values[Id].Trim(),
            values[Title].Trim(),
            category,
            values[Owner].Trim(),
            reviewed,
            nextReview,
            values[ApprovedBy].Trim(),
            values[Audience].Trim(),
            callFirst,
            sourceFile);
    }

    /// <summary>A lower-case, hyphenated id from a file name ("Trips Policy 2026.docx" → "trips-policy-2026").</summary>
    public static string IdFromFileName(string path) => Anchors.Slug(Path.GetFileNameWithoutExtension(path));

    private static bool IsValidId(string id) =>
        id.Length > 0 && id.All(character => character is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static DateOnly ParseDate(IReadOnlyDictionary<string, string> values, string key, List<string> problems)
    {
        if (!values.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return default;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"'{key}' is '{text}', not a date (YYYY-MM-DD)");
        return default;
    }
}

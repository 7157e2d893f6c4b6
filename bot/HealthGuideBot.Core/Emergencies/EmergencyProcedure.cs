using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Core.Emergencies;

/// <summary>
/// An emergency document taken apart into its fixed sections (knowledge/README.md, "Emergency documents").
/// Every line is the document's own text: nothing is added, reworded or generated.
/// </summary>
public sealed record EmergencyProcedure(
    KnowledgeDocument Document,
    IReadOnlyList<string> CallNineNineNineIf,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> Signs,
    IReadOnlyList<string> AfterTheEmergency,
    KnowledgeSection StepsSection)
{
    public const string CallNineNineNineHeading = "Call 999 if";
    public const string StepsHeading = "What to do";
    public const string SignsHeading = "Signs";
    public const string AfterHeading = "After the emergency";

    /// <summary>Parses an emergency document; throws <see cref="InvalidDataException"/> naming the file if it is malformed.</summary>
    public static EmergencyProcedure Parse(KnowledgeDocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var document = content.Document;
        var stepsSection = FindSection(content, StepsHeading)
            ?? throw new InvalidDataException(
                $"Emergency document '{document.Id}' ({document.SourceFile}) has no '## {StepsHeading}' section.");
        var steps = MarkdownList.NumberedItems(stepsSection.Text);
        if (steps.Count == 0)
        {
            throw new InvalidDataException(
                $"Emergency document '{document.Id}' ({document.SourceFile}): '## {StepsHeading}' has no numbered steps (1., 2., …).");
        }

        var callNineNineNine = FindSection(content, CallNineNineNineHeading) is { } call ? MarkdownList.Items(call.Text) : [];
        if (document.CallNineNineNineFirst && callNineNineNine.Count == 0)
        {
            throw new InvalidDataException(
                $"Emergency document '{document.Id}' ({document.SourceFile}) says call-999-first but has no '## {CallNineNineNineHeading}' list.");
        }

        return new EmergencyProcedure(
            document,
            callNineNineNine,
            steps,
            FindSection(content, SignsHeading) is { } signs ? MarkdownList.Items(signs.Text) : [],
            FindSection(content, AfterHeading) is { } after ? MarkdownList.Items(after.Text) : [],
            stepsSection);
    }

    internal static KnowledgeSection? FindSection(KnowledgeDocumentContent content, string heading) =>
        content.Sections.FirstOrDefault(section =>
            section.HeadingPath.Count > 0
            && string.Equals(section.HeadingPath[^1].Trim(), heading, StringComparison.OrdinalIgnoreCase));
}

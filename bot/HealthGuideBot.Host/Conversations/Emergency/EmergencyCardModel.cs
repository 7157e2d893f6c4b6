using System.Globalization;
using System.Text.Json.Serialization;
using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Host.Conversations.Emergency;

/// <summary>Data for <c>cards/emergency/emergency-steps.json</c>: only what the approved document says.</summary>
internal sealed record EmergencyCardModel(
    string Title,
    bool HasCallLine,
    string? CallLine,
    IReadOnlyList<NumberedLine> Steps,
    bool HasCallIf,
    IReadOnlyList<string> CallIf,
    IReadOnlyList<NumberedLine> Script,
    IReadOnlyList<string> Signs,
    IReadOnlyList<string> After,
    bool Overdue,
    bool NotApproved,
    string Owner,
    SourceLine Source)
{
    public static EmergencyCardModel From(EmergencyAnswer answer, string owner) => new(
        answer.Title,
        answer.CallNineNineNineLine is not null,
        answer.CallNineNineNineLine,
        Number(answer.Steps),
        answer.CallNineNineNineIf.Count > 0,
        answer.CallNineNineNineIf,
        Number(answer.CallHandlerScript),
        answer.Signs,
        answer.AfterTheEmergency,
        answer.IsOverdue,
        !answer.IsApproved,
        owner,
        SourceLine.From(answer.Source));

    private static NumberedLine[] Number(IReadOnlyList<string> lines) => [.. lines.Select((text, i) => new NumberedLine(i + 1, text))];
}

/// <summary>A numbered step or script line.</summary>
internal sealed record NumberedLine(int Number, string Text);

/// <summary>The citation line: document, section and review dates in UK form.</summary>
internal sealed record SourceLine(string DocumentId, string Title, string Section, string Reviewed, string NextReview)
{
    private static readonly CultureInfo UkEnglish = CultureInfo.GetCultureInfo("en-GB");

    public static SourceLine From(SourceReference source) => new(
        source.DocumentId, source.Title, source.Section, UkDate(source.Reviewed), UkDate(source.NextReview));

    public static string UkDate(DateOnly date) => date.ToString("d MMMM yyyy", UkEnglish);
}

/// <summary>Source-generated JSON contracts for the emergency card.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EmergencyCardModel))]
internal sealed partial class EmergencyJsonContext : JsonSerializerContext;

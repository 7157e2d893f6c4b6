using System.Globalization;
using System.Text.Json.Serialization;
using HealthGuideBot.Core.HealthcarePlans;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>Data for <c>cards/plans/emergency-summary.json</c>: the "care plan on a page" of one plan version.</summary>
internal sealed record EmergencySummaryCardModel(
    string PlanId,
    int Version,
    string PupilName,
    string ClassName,
    string Condition,
    string Triggers,
    bool CallNineNineNine,
    string WhatCountsAsEmergency,
    IReadOnlyList<SummaryStep> Steps,
    string WhoIsResponsible,
    string? OffSite,
    IReadOnlyList<SummaryMedicine> Medicines,
    IReadOnlyList<SummaryContact> Contacts,
    string ReviewDate,
    bool Acknowledged,
    string? AcknowledgedOn,
    bool EmergencyRecorded = false,
    string? EmergencyRecordedOn = null)
{
    private static readonly CultureInfo UkEnglish = CultureInfo.GetCultureInfo("en-GB");

    /// <param name="acknowledgedOn">The UK date the user acknowledged this version, or null when they have not.</param>
    /// <param name="emergencyRecordedOn">The UK date the user just recorded an emergency with this plan, or null.</param>
    public static EmergencySummaryCardModel From(HealthcarePlan plan, DateOnly? acknowledgedOn, DateOnly? emergencyRecordedOn = null) => new(
        plan.PlanId,
        plan.Version,
        plan.PupilName,
        plan.ClassName,
        plan.Condition,
        plan.MedicalNeeds.Triggers,
        PlanEmergencyText.SaysCallNineNineNine(plan.Emergency),
        plan.Emergency.WhatCountsAsEmergency,
        [.. StepsOf(plan.Emergency.ActionToTake).Select((text, i) => new SummaryStep(i + 1, text))],
        plan.Emergency.WhoIsResponsible,
        string.IsNullOrWhiteSpace(plan.Emergency.OffSiteDifferences) ? null : plan.Emergency.OffSiteDifferences,
        [.. plan.Medicines.Select(m => new SummaryMedicine(m.Name, m.Dose, string.IsNullOrWhiteSpace(m.Storage) ? "not recorded: ask the school nurse" : m.Storage))],
        [.. plan.FamilyContacts.Select(c => new SummaryContact(c.Name, c.Relationship, Phones(c)))],
        UkDate(plan.ReviewDate),
        acknowledgedOn is not null,
        acknowledgedOn is { } on ? UkDate(on) : null,
        emergencyRecordedOn is not null,
        emergencyRecordedOn is { } recorded ? UkDate(recorded) : null);

    public static string UkDate(DateOnly date) => date.ToString("dd/MM/yyyy", UkEnglish);

    /// <summary>The plan's action text as steps: one per line, list markers ("1.", "-") removed, order kept.</summary>
    internal static IEnumerable<string> StepsOf(string actionToTake) =>
        actionToTake.ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.Trim().TrimStart('-', '*', '•').Trim())
            .Select(line => line.Length > 2 && char.IsDigit(line[0]) && (line[1] is '.' or ')') ? line[2..].Trim() : line)
            .Where(line => line.Length > 0);

    private static string Phones(FamilyContact contact)
    {
        var phones = new[] { (contact.MobilePhone, "mobile"), (contact.HomePhone, "home"), (contact.WorkPhone, "work") }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item1))
            .Select(p => $"{p.Item1} ({p.Item2})")
            .ToArray();
        return phones.Length == 0 ? "no number recorded" : string.Join(", ", phones);
    }
}

internal sealed record SummaryStep(int Number, string Text);

internal sealed record SummaryMedicine(string Name, string Dose, string Storage);

internal sealed record SummaryContact(string Name, string Relationship, string Phones);

/// <summary>Data for <c>cards/plans/choose-pupil.json</c>.</summary>
internal sealed record ChoosePupilCardModel(IReadOnlyList<PupilChoice> Pupils);

internal sealed record PupilChoice(string PupilId, string Name, string ClassName);

/// <summary>The data of the plan cards' buttons.</summary>
internal sealed record PlanActionData(string? PlanId, int? Version, string? PupilId);

/// <summary>Source-generated JSON contracts for the plan cards.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(EmergencySummaryCardModel))]
[JsonSerializable(typeof(ChoosePupilCardModel))]
[JsonSerializable(typeof(PlanActionData))]
internal sealed partial class PlanCardsJsonContext : JsonSerializerContext;

using System.Globalization;
using HealthGuideBot.Core.HealthcarePlans;

namespace HealthGuideBot.Infrastructure.HealthcarePlans;

/// <summary>
/// The plan as Word documents (DocumentFormat.OpenXml): the whole plan laid out like DfE Template A (anchors.md §B,
/// items 1–23, in that order, the emergency boxed in red), and the one-page emergency summary ("care plan on a page").
/// Dates are UK (dd/mm/yyyy); every page's footer names the version, so a printed copy shows whether it is current.
/// </summary>
public sealed class OpenXmlPlanDocuments : IPlanDocuments
{
    /// <summary>Longest free text on the one-page summary before it points to the full plan instead.</summary>
    internal const int SummaryTextLimit = 250;

    /// <summary>Longest text in a table cell on the one-page summary.</summary>
    internal const int SummaryCellLimit = 100;

    /// <summary>Most medicines and family contacts on the one-page summary.</summary>
    internal const int SummaryRowLimit = 4;

    private static readonly CultureInfo UkEnglish = CultureInfo.GetCultureInfo("en-GB");
    private readonly string _schoolName;

    /// <param name="schoolName">Template A 1: the school or setting.</param>
    public OpenXmlPlanDocuments(string schoolName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schoolName);
        _schoolName = schoolName;
    }

    public byte[] RenderPlan(HealthcarePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var doc = new WordDocumentBuilder(bodySizePoints: 11)
            .Title("Individual healthcare plan")
            .Field("School", _schoolName)
            .Field("Plan version", plan.Version.ToString(CultureInfo.InvariantCulture))
            .Heading("The child")
            .Field("Child's name", plan.PupilName)
            .Field("Group, class or form", plan.ClassName)
            .Field("Date of birth", Uk(plan.DateOfBirth))
            .Field("Child's address", plan.Address)
            .Field("Medical diagnosis or condition", plan.Condition)
            .Field("Date", Uk(plan.PlanDate))
            .Field("Review date", Uk(plan.ReviewDate))
            .Heading("Family contact information")
            .Table(["Name", "Relationship to child", "Phone (work)", "Phone (home)", "Phone (mobile)"],
                plan.FamilyContacts.Select(c => (IReadOnlyList<string?>)[c.Name, c.Relationship, c.WorkPhone, c.HomePhone, c.MobilePhone]))
            .Heading("Clinic, hospital and GP")
            .Table(["Contact", "Name", "Phone number"], Professionals(plan))
            .Field("Who is responsible for providing support in school", plan.SupportInSchool)
            .Heading("The child's medical needs")
            .Field("Symptoms", plan.MedicalNeeds.Symptoms)
            .Field("Triggers", plan.MedicalNeeds.Triggers)
            .Field("Signs", plan.MedicalNeeds.Signs)
            .Field("Treatments", plan.MedicalNeeds.Treatment)
            .Field("Facilities, equipment or devices", plan.MedicalNeeds.FacilitiesAndEquipment)
            .Field("Environmental issues", plan.MedicalNeeds.EnvironmentalIssues)
            .Heading("Medicines")
            .Table(["Medicine", "Dose", "How given", "When", "Side effects", "Contra-indications", "Given by", "Where kept"],
                plan.Medicines.Select(m => (IReadOnlyList<string?>)[m.Name, m.Dose, m.Method, m.Timing, m.SideEffects, m.ContraIndications, Administration(m.Administration), m.Storage]))
            .Heading("Daily care requirements")
            .Text(OrNotRecorded(plan.DailyCare))
            .Heading("Specific support for the pupil's educational, social and emotional needs")
            .Text(OrNotRecorded(plan.EducationalSocialEmotionalSupport))
            .Heading("Arrangements for school visits and trips")
            .Text(OrNotRecorded(plan.TripsAndVisits))
            .Heading("Other information")
            .Text(OrNotRecorded(plan.OtherInformation))
            .Heading("In an emergency")
            .Box(box => box
                .Text(PlanEmergencyText.SaysCallNineNineNine(plan.Emergency) ? "Call 999 as this plan says." : "Follow these steps.", bold: true, color: "C00000")
                .Field("What counts as an emergency for this child", plan.Emergency.WhatCountsAsEmergency)
                .Field("The action to take", plan.Emergency.ActionToTake)
                .Field("Who is responsible in an emergency", plan.Emergency.WhoIsResponsible)
                .Field("Different for off-site activities", plan.Emergency.OffSiteDifferences))
            .Heading("Plan developed with")
            .Text(DevelopedWith(plan.DevelopedWith))
            .Heading("Staff training needed or undertaken (who, what, when)")
            .Text(OrNotRecorded(plan.StaffTraining))
            .Heading("Form copied to")
            .Text(OrNotRecorded(plan.CopiesTo));
        return doc.Build(Footer(plan, "Individual healthcare plan"), marginTwips: 1134);
    }

    public byte[] RenderEmergencySummary(HealthcarePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var doc = new WordDocumentBuilder(bodySizePoints: 10)
            .Title("Care plan on a page: " + plan.PupilName)
            .Field("Class", plan.ClassName)
            .Field("Condition", Short(plan.Condition))
            .Field("Triggers", Short(plan.MedicalNeeds.Triggers))
            .Box(box =>
            {
                if (PlanEmergencyText.SaysCallNineNineNine(plan.Emergency))
                {
                    box.Text("CALL 999 FIRST", bold: true, color: "C00000");
                }

                box.Field("What counts as an emergency", Short(plan.Emergency.WhatCountsAsEmergency))
                    .Field("What to do", Short(plan.Emergency.ActionToTake))
                    .Field("Who is responsible", Short(plan.Emergency.WhoIsResponsible));
                if (!string.IsNullOrWhiteSpace(plan.Emergency.OffSiteDifferences))
                {
                    box.Field("Off site", Short(plan.Emergency.OffSiteDifferences));
                }
            })
            .Heading("Medicines and where they are kept")
            .Table(["Medicine", "Dose", "Where kept"],
                plan.Medicines.Take(SummaryRowLimit).Select(m => (IReadOnlyList<string?>)[Short(m.Name, SummaryCellLimit), Short(m.Dose, SummaryCellLimit), Short(m.Storage, SummaryCellLimit)]))
            .Heading("Who to call")
            .Table(["Who", "Relationship", "Phone"],
                [
                    ["In school", "Responsible in an emergency", Short(plan.Emergency.WhoIsResponsible, SummaryCellLimit)],
                    .. plan.FamilyContacts.Take(SummaryRowLimit).Select(c => (IReadOnlyList<string?>)[c.Name, c.Relationship, Phones(c)]),
                ])
            .Field("Review date", Uk(plan.ReviewDate))
            .Text("The full plan has everything else: ask the school nurse.");
        return doc.Build(Footer(plan, "Care plan on a page"), marginTwips: 720);
    }

    private string Footer(HealthcarePlan plan, string kind) => string.Create(
        UkEnglish,
        $"{kind}, {_schoolName}. Version {plan.Version}, made {Uk(plan.PlanDate)}, review by {Uk(plan.ReviewDate)}. A printed copy may be out of date: check the current version.");

    private static IEnumerable<IReadOnlyList<string?>> Professionals(HealthcarePlan plan)
    {
        if (plan.ClinicOrHospital is { } clinic)
        {
            yield return ["Clinic or hospital", clinic.Name, clinic.Phone];
        }

        if (plan.GeneralPractitioner is { } gp)
        {
            yield return ["GP", gp.Name, gp.Phone];
        }
    }

    private static string Phones(FamilyContact contact) =>
        string.Join(", ", new[] { ("mobile", contact.MobilePhone), ("home", contact.HomePhone), ("work", contact.WorkPhone) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => $"{p.Item2} ({p.Item1})")) is { Length: > 0 } phones ? phones : "Not recorded";

    private static string Administration(MedicineAdministration administration) => administration switch
    {
        MedicineAdministration.StaffAdministered => "Staff",
        MedicineAdministration.SelfAdministeredSupervised => "Child, supervised",
        MedicineAdministration.SelfAdministered => "Child",
        _ => "Not recorded",
    };

    private static string DevelopedWith(PlanDevelopedWith with)
    {
        var who = new List<string>();
        if (with.Parent)
        {
            who.Add("parent or carer");
        }

        if (with.Pupil)
        {
            who.Add("the pupil");
        }

        if (with.SchoolNurse)
        {
            who.Add("the school nurse");
        }

        if (!string.IsNullOrWhiteSpace(with.Others))
        {
            who.Add(with.Others);
        }

        return who.Count == 0 ? "Not recorded" : string.Join(", ", who);
    }

    private static string OrNotRecorded(string? text) => string.IsNullOrWhiteSpace(text) ? "Not recorded" : text;

    private static string Short(string? text) => Short(text, SummaryTextLimit);

    private static string Short(string? text, int limit)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "Not recorded";
        }

        text = text.Trim();
        return text.Length <= limit ? text : string.Concat(text.AsSpan(0, limit).TrimEnd(), "… (see the full plan)");
    }

    private static string Uk(DateOnly date) => date.ToString("dd/MM/yyyy", UkEnglish);
}

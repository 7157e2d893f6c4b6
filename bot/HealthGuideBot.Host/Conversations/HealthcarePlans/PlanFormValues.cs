using System.Globalization;
using System.Text.RegularExpressions;
using HealthGuideBot.Core.HealthcarePlans;
using F = HealthGuideBot.Host.Conversations.HealthcarePlans.PlanFormFields;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>
/// Form values (by field id, as typed) to and from a <see cref="HealthcarePlan"/>, the server-side checks of each
/// step (the card checks too, but a client's word is not enough), and the list of changes between two versions.
/// </summary>
internal static class PlanFormValues
{
    public const string True = "true";
    public const string False = "false";

    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly string[] ContactPhones = ["HomePhone", "WorkPhone", "MobilePhone"];
    private static readonly (string Part, string What)[] MedicineNeeds = [("Dose", "dose"), ("Method", "method"), ("Timing", "when it is taken"), ("Administration", "who gives it")];
    private static readonly string[] MedicineDetails = ["Dose", "Method", "Timing", "SideEffects", "ContraIndications", "Storage"];

    /// <summary>The "given by" choices of a medicine.</summary>
    public static IReadOnlyList<(string Title, string Value)> AdministrationChoices { get; } =
    [
        ("Staff give it", nameof(MedicineAdministration.StaffAdministered)),
        ("The pupil, supervised by staff", nameof(MedicineAdministration.SelfAdministeredSupervised)),
        ("The pupil, on their own", nameof(MedicineAdministration.SelfAdministered)),
    ];

    /// <summary>The values of a saved plan, to pre-fill the form for a review.</summary>
    public static Dictionary<string, string> FromPlan(HealthcarePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Set(string id, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[id] = value;
            }
        }

        Set(F.DateOfBirth, UkSchoolDate.Format(plan.DateOfBirth));
        Set(F.Address, plan.Address);
        Set(F.Condition, plan.Condition);
        for (var i = 0; i < Math.Min(2, plan.FamilyContacts.Count); i++)
        {
            var contact = plan.FamilyContacts[i];
            Set(F.Contact(i + 1, "Name"), contact.Name);
            Set(F.Contact(i + 1, "Relationship"), contact.Relationship);
            Set(F.Contact(i + 1, "HomePhone"), contact.HomePhone);
            Set(F.Contact(i + 1, "WorkPhone"), contact.WorkPhone);
            Set(F.Contact(i + 1, "MobilePhone"), contact.MobilePhone);
        }

        Set(F.ClinicName, plan.ClinicOrHospital?.Name);
        Set(F.ClinicPhone, plan.ClinicOrHospital?.Phone);
        Set(F.GpName, plan.GeneralPractitioner?.Name);
        Set(F.GpPhone, plan.GeneralPractitioner?.Phone);
        Set(F.SupportInSchool, plan.SupportInSchool);
        Set(F.Symptoms, plan.MedicalNeeds.Symptoms);
        Set(F.Triggers, plan.MedicalNeeds.Triggers);
        Set(F.Signs, plan.MedicalNeeds.Signs);
        Set(F.Treatment, plan.MedicalNeeds.Treatment);
        Set(F.Equipment, plan.MedicalNeeds.FacilitiesAndEquipment);
        Set(F.Environment, plan.MedicalNeeds.EnvironmentalIssues);
        for (var i = 0; i < Math.Min(2, plan.Medicines.Count); i++)
        {
            var medicine = plan.Medicines[i];
            Set(F.Medicine(i + 1, "Name"), medicine.Name);
            Set(F.Medicine(i + 1, "Dose"), medicine.Dose);
            Set(F.Medicine(i + 1, "Method"), medicine.Method);
            Set(F.Medicine(i + 1, "Timing"), medicine.Timing);
            Set(F.Medicine(i + 1, "SideEffects"), medicine.SideEffects);
            Set(F.Medicine(i + 1, "ContraIndications"), medicine.ContraIndications);
            Set(F.Medicine(i + 1, "Administration"), medicine.Administration.ToString());
            Set(F.Medicine(i + 1, "Storage"), medicine.Storage);
        }

        Set(F.DailyCare, plan.DailyCare);
        Set(F.EducationalSupport, plan.EducationalSocialEmotionalSupport);
        Set(F.TripsAndVisits, plan.TripsAndVisits);
        Set(F.OtherInformation, plan.OtherInformation);
        Set(F.EmergencySigns, plan.Emergency.WhatCountsAsEmergency);
        Set(F.EmergencyAction, plan.Emergency.ActionToTake);
        Set(F.EmergencyResponsible, plan.Emergency.WhoIsResponsible);
        Set(F.EmergencyOffSite, plan.Emergency.OffSiteDifferences);
        values[F.DevelopedWithParent] = plan.DevelopedWith.Parent ? True : False;
        values[F.DevelopedWithPupil] = plan.DevelopedWith.Pupil ? True : False;
        values[F.DevelopedWithNurse] = plan.DevelopedWith.SchoolNurse ? True : False;
        Set(F.DevelopedWithOthers, plan.DevelopedWith.Others);
        Set(F.StaffTraining, plan.StaffTraining);
        Set(F.CopiesTo, plan.CopiesTo);
        Set(F.ReviewDate, UkSchoolDate.Format(plan.ReviewDate));
        Set(F.ResponsibleNurse, plan.ResponsibleNurseUserId);
        return values;
    }

    /// <summary>The plan the form describes (version 0: the store numbers it).</summary>
    public static HealthcarePlan ToPlan(PlanFormState state, string userId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var v = state.Values;
        string? Get(string id) => v.TryGetValue(id, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        string Req(string id) => Get(id) ?? throw new InvalidOperationException($"The plan form reached Submit without '{id}'.");
        DateOnly Date(string id) => UkSchoolDate.TryParse(Get(id), out var date) ? date : throw new InvalidOperationException($"The plan form reached Submit with an unreadable '{id}'.");
        ProfessionalContact? Professional(string name, string phone) =>
            Get(name) is { } n ? new ProfessionalContact(n, Get(phone) ?? string.Empty) : null;

        var contacts = new List<FamilyContact>();
        for (var n = 1; n <= 2; n++)
        {
            if (Get(F.Contact(n, "Name")) is { } name)
            {
                contacts.Add(new FamilyContact(name, Get(F.Contact(n, "Relationship")) ?? string.Empty, Get(F.Contact(n, "HomePhone")), Get(F.Contact(n, "WorkPhone")), Get(F.Contact(n, "MobilePhone"))));
            }
        }

        var medicines = new List<PlanMedicine>();
        for (var n = 1; n <= 2; n++)
        {
            if (Get(F.Medicine(n, "Name")) is { } name)
            {
                medicines.Add(new PlanMedicine(
                    name,
                    Req(F.Medicine(n, "Dose")),
                    Req(F.Medicine(n, "Method")),
                    Req(F.Medicine(n, "Timing")),
                    Get(F.Medicine(n, "SideEffects")),
                    Get(F.Medicine(n, "ContraIndications")),
                    Enum.Parse<MedicineAdministration>(Req(F.Medicine(n, "Administration"))),
                    Get(F.Medicine(n, "Storage"))));
            }
        }

        return new HealthcarePlan
        {
            PlanId = state.PlanId,
            Version = 0,
            PupilId = state.PupilId ?? throw new InvalidOperationException("The plan form reached Submit without a pupil."),
            PupilName = state.PupilName ?? string.Empty,
            ClassName = state.PupilClass ?? string.Empty,
            DateOfBirth = Date(F.DateOfBirth),
            Address = Get(F.Address),
            Condition = Req(F.Condition),
            PlanDate = state.PlanDate,
            ReviewDate = Date(F.ReviewDate),
            FamilyContacts = contacts,
            ClinicOrHospital = Professional(F.ClinicName, F.ClinicPhone),
            GeneralPractitioner = Professional(F.GpName, F.GpPhone),
            SupportInSchool = Req(F.SupportInSchool),
            MedicalNeeds = new MedicalNeeds(Req(F.Symptoms), Req(F.Triggers), Get(F.Signs), Req(F.Treatment), Get(F.Equipment), Get(F.Environment)),
            Medicines = medicines,
            DailyCare = Get(F.DailyCare),
            EducationalSocialEmotionalSupport = Get(F.EducationalSupport),
            TripsAndVisits = Get(F.TripsAndVisits),
            OtherInformation = Get(F.OtherInformation),
            Emergency = new PlanEmergency(Req(F.EmergencySigns), Req(F.EmergencyAction), Req(F.EmergencyResponsible), Get(F.EmergencyOffSite)),
            DevelopedWith = new PlanDevelopedWith(Get(F.DevelopedWithParent) == True, Get(F.DevelopedWithPupil) == True, Get(F.DevelopedWithNurse) == True, Get(F.DevelopedWithOthers)),
            StaffTraining = Get(F.StaffTraining),
            CopiesTo = Get(F.CopiesTo),
            ResponsibleNurseUserId = Req(F.ResponsibleNurse),
            CreatedByUserId = userId,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// Checks the values of one step; returns the problems by field id (empty when the step may go on).
    /// <paramref name="choices"/> gives the allowed values of the step's choice fields.
    /// </summary>
    public static Dictionary<string, string> Validate(
        PlanFormStep step,
        IReadOnlyDictionary<string, string> values,
        DateOnly planDate,
        Func<PlanField, IReadOnlyCollection<string>> choices)
    {
        ArgumentNullException.ThrowIfNull(step);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Get(string id) => values.TryGetValue(id, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        foreach (var field in step.Fields)
        {
            var value = Get(field.Id);
            if (value is null)
            {
                if (field.Required)
                {
                    errors[field.Id] = field.ErrorMessage ?? $"{field.Label} is needed.";
                }

                continue;
            }

            if (value.Length > field.MaxLength)
            {
                errors[field.Id] = $"{field.Label}: at most {field.MaxLength} characters, please.";
            }
            else if (field.Regex is { } pattern && !Regex.IsMatch(value, pattern, RegexOptions.None, RegexTimeout))
            {
                errors[field.Id] = field.ErrorMessage ?? $"{field.Label} is not in the expected format.";
            }
            else if (field.Kind == PlanFieldKind.Choice && !choices(field).Contains(value))
            {
                errors[field.Id] = field.ErrorMessage ?? $"Choose one of the options for {field.Label}.";
            }
            else if (field.Kind == PlanFieldKind.Toggle && value is not (True or False))
            {
                errors[field.Id] = $"{field.Label}: tick or untick the box.";
            }
        }

        if (Get(F.DateOfBirth) is { } dob && step.Fields.Any(f => f.Id == F.DateOfBirth) && !errors.ContainsKey(F.DateOfBirth))
        {
            if (!UkSchoolDate.TryParse(dob, out var born) || born > planDate || born < planDate.AddYears(-25))
            {
                errors[F.DateOfBirth] = "Enter a real date of birth as dd/mm/yyyy, for example 14/03/2015.";
            }
        }

        if (Get(F.ReviewDate) is { } review && step.Fields.Any(f => f.Id == F.ReviewDate) && !errors.ContainsKey(F.ReviewDate))
        {
            if (!UkSchoolDate.TryParse(review, out var due))
            {
                errors[F.ReviewDate] = "Enter the review date as dd/mm/yyyy.";
            }
            else if (due <= planDate || due > planDate.AddYears(1))
            {
                errors[F.ReviewDate] = $"The review date must be after {UkSchoolDate.Format(planDate)} and no later than {UkSchoolDate.Format(planDate.AddYears(1))} (plans are reviewed at least yearly).";
            }
        }

        for (var n = 1; n <= 2; n++)
        {
            if (step.Fields.Any(f => f.Id == F.Contact(n, "Name")))
            {
                var named = Get(F.Contact(n, "Name")) is not null;
                var phones = ContactPhones.Count(p => Get(F.Contact(n, p)) is not null);
                var anything = named || phones > 0 || Get(F.Contact(n, "Relationship")) is not null;
                if (anything && !named)
                {
                    errors.TryAdd(F.Contact(n, "Name"), $"Enter contact {n}'s name, or clear their other details.");
                }
                else if (named && Get(F.Contact(n, "Relationship")) is null)
                {
                    errors.TryAdd(F.Contact(n, "Relationship"), $"Enter contact {n}'s relationship to the child.");
                }

                if (named && phones == 0)
                {
                    errors.TryAdd(F.Contact(n, "MobilePhone"), $"Give at least one phone number for contact {n}.");
                }
            }

            if (step.Fields.Any(f => f.Id == F.Medicine(n, "Name")))
            {
                var named = Get(F.Medicine(n, "Name")) is not null;
                if (named)
                {
                    foreach (var (part, what) in MedicineNeeds)
                    {
                        if (Get(F.Medicine(n, part)) is null)
                        {
                            errors.TryAdd(F.Medicine(n, part), $"Medicine {n}: enter the {what}.");
                        }
                    }
                }
                else if (MedicineDetails.Any(p => Get(F.Medicine(n, p)) is not null))
                {
                    errors.TryAdd(F.Medicine(n, "Name"), $"Medicine {n}: enter the medicine's name, or clear its other details.");
                }
            }
        }

        return errors;
    }

    /// <summary>What differs between two sets of values, field by field in form order, as short lines for a card.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, Func<PlanField, string, string> display)
    {
        ArgumentNullException.ThrowIfNull(display);
        var changes = new List<string>();
        foreach (var field in F.All.Where(f => f.Id is not (F.PupilName or F.PupilChoice)))
        {
            var old = Normalise(before, field.Id);
            var now = Normalise(after, field.Id);
            if (string.Equals(old, now, StringComparison.Ordinal))
            {
                continue;
            }

            changes.Add(
                old.Length == 0 ? string.Create(CultureInfo.InvariantCulture, $"{field.Label}: added \"{Shorten(display(field, now))}\"")
                : now.Length == 0 ? string.Create(CultureInfo.InvariantCulture, $"{field.Label}: removed (was \"{Shorten(display(field, old))}\")")
                : string.Create(CultureInfo.InvariantCulture, $"{field.Label}: \"{Shorten(display(field, old))}\" → \"{Shorten(display(field, now))}\""));
        }

        // The summary card must stay small (Teams refuses large messages): the first changes, then how many more.
        return changes.Count <= MaxChangesShown
            ? changes
            : [.. changes.Take(MaxChangesShown), string.Create(CultureInfo.InvariantCulture, $"…and {changes.Count - MaxChangesShown} more changes (see the summary below)")];
    }

    /// <summary>At most this many changes are listed on a card.</summary>
    public const int MaxChangesShown = 20;

    private static string Normalise(IReadOnlyDictionary<string, string> values, string id)
    {
        var value = values.TryGetValue(id, out var v) ? v.Trim() : string.Empty;

        // An unticked box and an absent one mean the same.
        return value == False ? string.Empty : value;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 79), "…");
}

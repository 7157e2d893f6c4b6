namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>How a form field is shown on its card.</summary>
internal enum PlanFieldKind
{
    Text,
    Choice,
    Toggle,
}

/// <summary>
/// One input of the plan form. The same definition drives the card (label, isRequired, regex, errorMessage, maxLength)
/// and the server-side check, so the two cannot drift apart.
/// </summary>
internal sealed record PlanField(
    string Id,
    string Label,
    PlanFieldKind Kind = PlanFieldKind.Text,
    bool Required = false,
    bool Multiline = false,
    int MaxLength = 300,
    string? Regex = null,
    string? ErrorMessage = null,
    string? Placeholder = null);

/// <summary>One card of the form: a part of DfE Template A (anchors.md §B).</summary>
internal sealed record PlanFormStep(string Title, string? Intro, IReadOnlyList<PlanField> Fields);

/// <summary>The plan form, step by step, after DfE Template A. Field ids are the keys of <see cref="PlanFormState.Values"/>.</summary>
internal static class PlanFormFields
{
    public const string UkDateRegex = @"^\s*\d{1,2}/\d{1,2}/\d{4}\s*$";
    public const string PhoneRegex = @"^\s*$|^\s*[0-9+() -]{6,24}\s*$";

    public const string PupilName = "pupilName";
    public const string PupilChoice = "pupilChoice";
    public const string DateOfBirth = "dateOfBirth";
    public const string Address = "address";
    public const string Condition = "condition";
    public const string SupportInSchool = "supportInSchool";
    public const string ClinicName = "clinicName";
    public const string ClinicPhone = "clinicPhone";
    public const string GpName = "gpName";
    public const string GpPhone = "gpPhone";
    public const string Symptoms = "symptoms";
    public const string Triggers = "triggers";
    public const string Signs = "signs";
    public const string Treatment = "treatment";
    public const string Equipment = "equipment";
    public const string Environment = "environment";
    public const string DailyCare = "dailyCare";
    public const string EducationalSupport = "educationalSupport";
    public const string TripsAndVisits = "tripsAndVisits";
    public const string OtherInformation = "otherInformation";
    public const string EmergencySigns = "emergencySigns";
    public const string EmergencyAction = "emergencyAction";
    public const string EmergencyResponsible = "emergencyResponsible";
    public const string EmergencyOffSite = "emergencyOffSite";
    public const string DevelopedWithParent = "developedWithParent";
    public const string DevelopedWithPupil = "developedWithPupil";
    public const string DevelopedWithNurse = "developedWithNurse";
    public const string DevelopedWithOthers = "developedWithOthers";
    public const string StaffTraining = "staffTraining";
    public const string CopiesTo = "copiesTo";
    public const string ReviewDate = "reviewDate";
    public const string ResponsibleNurse = "responsibleNurse";

    /// <summary>The index of the pupil-choosing step; when the pupil is known the form starts at <see cref="AboutStep"/>.</summary>
    public const int PupilStep = 0;

    public const int AboutStep = 1;

    public static string Contact(int n, string part) => $"contact{n}{part}";

    public static string Medicine(int n, string part) => $"medicine{n}{part}";

    public static IReadOnlyList<PlanFormStep> Steps { get; } =
    [
        new("Pupil", "Which pupil is this plan for? Type their name as it appears on the school roster.",
        [
            new(PupilName, "Pupil's name", Required: true, MaxLength: 100, ErrorMessage: "Enter the pupil's name.", Placeholder: "For example Sam Taylor"),
        ]),
        new("About the pupil and their condition", null,
        [
            new(DateOfBirth, "Date of birth (dd/mm/yyyy)", Required: true, MaxLength: 10, Regex: UkDateRegex, ErrorMessage: "Enter the date of birth as dd/mm/yyyy, for example 14/03/2015.", Placeholder: "dd/mm/yyyy"),
            new(Address, "Address (optional)", Multiline: true, MaxLength: 300),
            new(Condition, "Medical diagnosis or condition", Required: true, Multiline: true, MaxLength: 500, ErrorMessage: "Enter the pupil's medical diagnosis or condition."),
        ]),
        new("Family contacts", "At least one family contact, with a phone number.",
        [
            new(Contact(1, "Name"), "Contact 1: name", Required: true, MaxLength: 100, ErrorMessage: "Enter the first family contact's name."),
            new(Contact(1, "Relationship"), "Contact 1: relationship to the child", Required: true, MaxLength: 60, ErrorMessage: "Enter the relationship, for example Mother."),
            new(Contact(1, "HomePhone"), "Contact 1: home phone", MaxLength: 24, Regex: PhoneRegex, ErrorMessage: "Enter a phone number (digits, spaces, + and brackets)."),
            new(Contact(1, "WorkPhone"), "Contact 1: work phone", MaxLength: 24, Regex: PhoneRegex, ErrorMessage: "Enter a phone number (digits, spaces, + and brackets)."),
            new(Contact(1, "MobilePhone"), "Contact 1: mobile", MaxLength: 24, Regex: PhoneRegex, ErrorMessage: "Enter a phone number (digits, spaces, + and brackets)."),
            new(Contact(2, "Name"), "Contact 2: name (optional)", MaxLength: 100),
            new(Contact(2, "Relationship"), "Contact 2: relationship to the child", MaxLength: 60),
            new(Contact(2, "HomePhone"), "Contact 2: home phone", MaxLength: 24, Regex: PhoneRegex, ErrorMessage: "Enter a phone number (digits, spaces, + and brackets)."),
            new(Contact(2, "WorkPhone"), "Contact 2: work phone", MaxLength: 24, Regex: PhoneRegex, ErrorMessage: "Enter a phone number (digits, spaces, + and brackets)."),
            new(Contact(2, "MobilePhone"), "Contact 2: mobile", MaxLength: 24, Regex: PhoneRegex, ErrorMessage: "Enter a phone number (digits, spaces, + and brackets)."),
        ]),
        new("Clinic, GP and support in school", null,
        [
            new(ClinicName, "Clinic or hospital contact: name", MaxLength: 120),
            new(ClinicPhone, "Clinic or hospital contact: phone", MaxLength: 24, Regex: PhoneRegex, ErrorMessage: "Enter a phone number (digits, spaces, + and brackets)."),
            new(GpName, "GP: name and surgery", MaxLength: 120),
            new(GpPhone, "GP: phone", MaxLength: 24, Regex: PhoneRegex, ErrorMessage: "Enter a phone number (digits, spaces, + and brackets)."),
            new(SupportInSchool, "Who is responsible for providing support in school", Required: true, Multiline: true, MaxLength: 300, ErrorMessage: "Say who provides support in school."),
        ]),
        new("Medical needs", "The pupil's medical needs and details of symptoms, signs, triggers, treatments, facilities, equipment or devices, environmental issues.",
        [
            new(Symptoms, "Symptoms", Required: true, Multiline: true, MaxLength: 500, ErrorMessage: "Describe the symptoms."),
            new(Triggers, "Triggers", Required: true, Multiline: true, MaxLength: 500, ErrorMessage: "Describe the triggers (or write \"none known\")."),
            new(Signs, "Signs to look out for", Multiline: true, MaxLength: 500),
            new(Treatment, "Treatment", Required: true, Multiline: true, MaxLength: 500, ErrorMessage: "Describe the treatment."),
            new(Equipment, "Facilities, equipment or devices", Multiline: true, MaxLength: 300),
            new(Environment, "Environmental issues", Multiline: true, MaxLength: 300),
        ]),
        new("Medicines", "Up to two medicines. Leave the name empty when there is no medicine; with a name, dose, method and timing are needed.",
        [
            .. MedicineFields(1),
            .. MedicineFields(2),
        ]),
        new("Daily care and support", null,
        [
            new(DailyCare, "Daily care requirements", Multiline: true, MaxLength: 500),
            new(EducationalSupport, "Specific support for educational, social and emotional needs", Multiline: true, MaxLength: 500),
            new(TripsAndVisits, "Arrangements for school visits and trips", Multiline: true, MaxLength: 500),
            new(OtherInformation, "Other information", Multiline: true, MaxLength: 500),
        ]),
        new("Emergency", "What an emergency looks like for this pupil and what staff do.",
        [
            new(EmergencySigns, "What constitutes an emergency, and the symptoms", Required: true, Multiline: true, MaxLength: 500, ErrorMessage: "Describe what counts as an emergency."),
            new(EmergencyAction, "The action to take, in order (including when to call 999)", Required: true, Multiline: true, MaxLength: 700, ErrorMessage: "Describe what staff should do."),
            new(EmergencyResponsible, "Who is responsible in an emergency", Required: true, MaxLength: 200, ErrorMessage: "Say who is responsible in an emergency."),
            new(EmergencyOffSite, "What is different on trips and off site", Multiline: true, MaxLength: 400),
        ]),
        new("Plan developed with, training and review", null,
        [
            new(DevelopedWithParent, "Developed with the parent or carer", PlanFieldKind.Toggle),
            new(DevelopedWithPupil, "Developed with the pupil", PlanFieldKind.Toggle),
            new(DevelopedWithNurse, "Developed with the school nurse", PlanFieldKind.Toggle),
            new(DevelopedWithOthers, "Also developed with (optional)", MaxLength: 200),
            new(StaffTraining, "Staff training needed or undertaken: who, what, when", Multiline: true, MaxLength: 400),
            new(CopiesTo, "Copies of this plan go to", MaxLength: 300),
            new(ReviewDate, "Review date (dd/mm/yyyy)", Required: true, MaxLength: 10, Regex: UkDateRegex, ErrorMessage: "Enter the review date as dd/mm/yyyy."),
            new(ResponsibleNurse, "Nurse who receives the review reminders", PlanFieldKind.Choice, Required: true, ErrorMessage: "Choose the responsible nurse."),
        ]),
    ];

    /// <summary>The step after the last input step: the summary card with Submit.</summary>
    public static int SummaryStep => Steps.Count;

    public static IEnumerable<PlanField> All => Steps.SelectMany(s => s.Fields);

    public static PlanField? Find(string id) => All.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal));

    private static PlanField[] MedicineFields(int n) =>
    [
        new(Medicine(n, "Name"), $"Medicine {n}: name", MaxLength: 100),
        new(Medicine(n, "Dose"), $"Medicine {n}: dose", MaxLength: 100),
        new(Medicine(n, "Method"), $"Medicine {n}: method of administration", MaxLength: 100),
        new(Medicine(n, "Timing"), $"Medicine {n}: when to be taken", MaxLength: 150),
        new(Medicine(n, "SideEffects"), $"Medicine {n}: side effects", MaxLength: 200),
        new(Medicine(n, "ContraIndications"), $"Medicine {n}: contra-indications", MaxLength: 200),
        new(Medicine(n, "Administration"), $"Medicine {n}: given by", PlanFieldKind.Choice),
        new(Medicine(n, "Storage"), $"Medicine {n}: where it is kept", MaxLength: 150),
    ];
}

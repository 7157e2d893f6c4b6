namespace HealthGuideBot.Core.HealthcarePlans;

/// <summary>
/// One version of an Individual Healthcare Plan, field for field after DfE Template A (anchors.md §B). A plan is
/// never changed in place: each save is a new <see cref="Version"/> with the same <see cref="PlanId"/>.
/// Free text stays as typed; dates are plain dates (no time zone, so BST cannot shift them).
/// </summary>
public sealed record HealthcarePlan
{
    /// <summary>Opaque id shared by every version (audit-safe).</summary>
    public required string PlanId { get; init; }

    /// <summary>1 for the first approved plan, +1 for each review or edit.</summary>
    public required int Version { get; init; }

    /// <summary>The roster id of the pupil (Template A 2–4 come from the roster and the form).</summary>
    public required string PupilId { get; init; }

    /// <summary>Template A 2.</summary>
    public required string PupilName { get; init; }

    /// <summary>Template A 3.</summary>
    public required string ClassName { get; init; }

    /// <summary>Template A 4.</summary>
    public required DateOnly DateOfBirth { get; init; }

    /// <summary>Template A 5 (optional: many schools keep it only in the MIS).</summary>
    public string? Address { get; init; }

    /// <summary>Template A 6: medical diagnosis or condition.</summary>
    public required string Condition { get; init; }

    /// <summary>Template A 7: the date the plan (this version) was made.</summary>
    public required DateOnly PlanDate { get; init; }

    /// <summary>Template A 8: review date; default 12 months after <see cref="PlanDate"/>.</summary>
    public required DateOnly ReviewDate { get; init; }

    /// <summary>Template A 9: family contacts (one or two).</summary>
    public required IReadOnlyList<FamilyContact> FamilyContacts { get; init; }

    /// <summary>Template A 10.</summary>
    public ProfessionalContact? ClinicOrHospital { get; init; }

    /// <summary>Template A 11.</summary>
    public ProfessionalContact? GeneralPractitioner { get; init; }

    /// <summary>Template A 12: who in school is responsible for providing support.</summary>
    public required string SupportInSchool { get; init; }

    /// <summary>Template A 13.</summary>
    public required MedicalNeeds MedicalNeeds { get; init; }

    /// <summary>Template A 14.</summary>
    public required IReadOnlyList<PlanMedicine> Medicines { get; init; }

    /// <summary>Template A 15.</summary>
    public string? DailyCare { get; init; }

    /// <summary>Template A 16.</summary>
    public string? EducationalSocialEmotionalSupport { get; init; }

    /// <summary>Template A 17.</summary>
    public string? TripsAndVisits { get; init; }

    /// <summary>Template A 18.</summary>
    public string? OtherInformation { get; init; }

    /// <summary>Template A 19–20.</summary>
    public required PlanEmergency Emergency { get; init; }

    /// <summary>Template A 21: who the plan was developed with.</summary>
    public required PlanDevelopedWith DevelopedWith { get; init; }

    /// <summary>Template A 22.</summary>
    public string? StaffTraining { get; init; }

    /// <summary>Template A 23.</summary>
    public string? CopiesTo { get; init; }

    /// <summary>The Entra object id of the nurse who receives review prompts.</summary>
    public required string ResponsibleNurseUserId { get; init; }

    /// <summary>Who saved this version (Entra object id), and when (UTC).</summary>
    public required string CreatedByUserId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Template A 9: a family contact.</summary>
public sealed record FamilyContact(string Name, string Relationship, string? HomePhone, string? WorkPhone, string? MobilePhone);

/// <summary>Template A 10–11: a clinic, hospital or GP contact.</summary>
public sealed record ProfessionalContact(string Name, string Phone);

/// <summary>Template A 13.</summary>
public sealed record MedicalNeeds(string Symptoms, string Triggers, string? Signs, string Treatment, string? FacilitiesAndEquipment, string? EnvironmentalIssues);

/// <summary>Template A 14: one medicine.</summary>
/// <param name="Storage">Where it is kept (for the emergency summary), for example "red bag in 5B, spare in the office".</param>
public sealed record PlanMedicine(
    string Name,
    string Dose,
    string Method,
    string Timing,
    string? SideEffects,
    string? ContraIndications,
    MedicineAdministration Administration,
    string? Storage);

/// <summary>Who gives a medicine.</summary>
public enum MedicineAdministration
{
    StaffAdministered,
    SelfAdministeredSupervised,
    SelfAdministered,
}

/// <summary>Template A 19–20.</summary>
/// <param name="WhatCountsAsEmergency">The child's own signs of an emergency.</param>
/// <param name="ActionToTake">What staff do, in order ("call 999" where it applies).</param>
/// <param name="WhoIsResponsible">Who is responsible in an emergency in school.</param>
/// <param name="OffSiteDifferences">What differs on trips and off-site activities.</param>
public sealed record PlanEmergency(string WhatCountsAsEmergency, string ActionToTake, string WhoIsResponsible, string? OffSiteDifferences);

/// <summary>Template A 21.</summary>
public sealed record PlanDevelopedWith(bool Parent, bool Pupil, bool SchoolNurse, string? Others);

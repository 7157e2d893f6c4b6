using HealthGuideBot.Core.HealthcarePlans;

namespace HealthGuideBot.Testing.HealthcarePlans;

/// <summary>Realistic plans for tests (the Development roster's pupils); fictional people and numbers.</summary>
public static class SamplePlans
{
    /// <summary>Sam Taylor (P0001, 5B): asthma, an emergency that says to call 999.</summary>
    public static HealthcarePlan SamTaylorAsthma(string planId = "plan-sam", int version = 1) => new()
    {
        PlanId = planId,
        Version = version,
        PupilId = "P0001",
        PupilName = "Sam Taylor",
        ClassName = "5B",
        DateOfBirth = new DateOnly(2015, 3, 14),
        Address = "12 Example Close, Exampletown EX1 3AB",
        Condition = "Asthma (moderate), with a history of severe attacks",
        PlanDate = new DateOnly(2026, 9, 1),
        ReviewDate = new DateOnly(2027, 9, 1),
        FamilyContacts =
        [
            new FamilyContact("Jo Taylor", "Mother", "01234 111111", null, "07700 900001"),
            new FamilyContact("Chris Taylor", "Father", null, "01234 222222", "07700 900002"),
        ],
        ClinicOrHospital = new ProfessionalContact("Exampletown Children's Respiratory Clinic", "01234 333333"),
        GeneralPractitioner = new ProfessionalContact("Dr A. Patel, Example Surgery", "01234 444444"),
        SupportInSchool = "Mrs Vance (class teacher) and the school nurse",
        MedicalNeeds = new MedicalNeeds(
            "Coughing, wheezing, tight chest",
            "Cold air, exercise, pollen, dust",
            "Difficulty speaking in full sentences",
            "Blue reliever inhaler with spacer",
            "Spacer device",
            "Avoid dusty store rooms"),
        Medicines =
        [
            new PlanMedicine("Salbutamol 100mcg (blue reliever)", "2 puffs, up to 10", "Inhaler with spacer", "When symptoms start, and before PE", "Shaky hands, fast heartbeat", null, MedicineAdministration.SelfAdministeredSupervised, "Red bag in 5B classroom; spare in the school office"),
        ],
        DailyCare = "Reliever before PE and outdoor games in cold weather.",
        EducationalSocialEmotionalSupport = "Catch-up work after hospital appointments.",
        TripsAndVisits = "Inhaler and spacer travel with the trip leader.",
        OtherInformation = null,
        Emergency = new PlanEmergency(
            "Reliever not helping, too breathless to speak, lips turning blue",
            "Call 999 for an ambulance.\nSit Sam upright and keep calm.\nGive 1 puff of the blue reliever every 30 to 60 seconds, up to 10 puffs.\nCall parents.",
            "Class teacher, then the first aider on duty",
            "On trips the trip leader carries the inhaler and calls 999."),
        DevelopedWith = new PlanDevelopedWith(Parent: true, Pupil: true, SchoolNurse: true, Others: "Respiratory nurse specialist"),
        StaffTraining = "Asthma awareness for 5B staff, September 2026",
        CopiesTo = "Parents, class teacher, school office",
        ResponsibleNurseUserId = "00000000-0000-0000-0000-000000000020",
        CreatedByUserId = "00000000-0000-0000-0000-000000000020",
        CreatedAt = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero),
    };
}

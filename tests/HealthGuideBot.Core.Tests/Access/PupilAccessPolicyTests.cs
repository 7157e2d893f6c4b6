using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Pupils;

namespace HealthGuideBot.Core.Tests.Access;

public sealed class PupilAccessPolicyTests
{
    private static readonly Pupil Sam = new("P0001", "Sam Taylor", "5B", new DateOnly(2016, 3, 14));
    private readonly PupilAccessPolicy _policy = new();

    [Theory]
    [InlineData(StaffRole.Nurse)]
    [InlineData(StaffRole.Senco)]
    [InlineData(StaffRole.Admin)]
    public void PlanKeepers_MayDoEverythingWithAPlan(StaffRole role)
    {
        var staff = Staff(role);
        foreach (var action in Enum.GetValues<PupilRecordAction>())
        {
            var decision = _policy.Decide(staff, action, Sam);
            Assert.True(decision.IsAllowed, $"{role} {action}");
            Assert.Equal(role, decision.Role);
        }
    }

    [Fact]
    public void Teacher_SeesTheEmergencySummaryOfTheirOwnClassOnly()
    {
        Assert.Equal(AccessDecision.Allow(StaffRole.Teacher), _policy.Decide(Staff(StaffRole.Teacher, "5B"), PupilRecordAction.ViewEmergencySummary, Sam));
        Assert.Equal(AccessDecision.Deny(StaffRole.Teacher), _policy.Decide(Staff(StaffRole.Teacher, "6A"), PupilRecordAction.ViewEmergencySummary, Sam));
    }

    [Theory]
    [InlineData(PupilRecordAction.ViewPlan)]
    [InlineData(PupilRecordAction.EditPlan)]
    [InlineData(PupilRecordAction.Refer)]
    [InlineData(PupilRecordAction.ViewReferral)]
    public void Teacher_OfThePupilsClass_GetsNothingBeyondTheSummary(PupilRecordAction action) =>
        Assert.False(_policy.Decide(Staff(StaffRole.Teacher, "5B"), action, Sam).IsAllowed);

    [Fact]
    public void Dsl_SeesSummariesAndRefers_ButNotTheWholePlan()
    {
        var dsl = Staff(StaffRole.Dsl);
        Assert.True(_policy.Decide(dsl, PupilRecordAction.ViewEmergencySummary, Sam).IsAllowed);
        Assert.True(_policy.Decide(dsl, PupilRecordAction.Refer, Sam).IsAllowed);
        Assert.True(_policy.Decide(dsl, PupilRecordAction.ViewReferral, Sam).IsAllowed);
        Assert.False(_policy.Decide(dsl, PupilRecordAction.ViewPlan, Sam).IsAllowed);
        Assert.False(_policy.Decide(dsl, PupilRecordAction.EditPlan, Sam).IsAllowed);
    }

    [Fact]
    public void OfficeStaff_AndUnknownUsers_GetNothing()
    {
        foreach (var action in Enum.GetValues<PupilRecordAction>())
        {
            Assert.Equal(AccessDecision.Deny(StaffRole.Office), _policy.Decide(Staff(StaffRole.Office), action, Sam));
            Assert.Equal(AccessDecision.Deny(null), _policy.Decide(null, action, Sam));
            Assert.Equal(AccessDecision.Deny(null), _policy.Decide(Staff(), action, Sam));
        }
    }

    [Fact]
    public void ClassNames_MatchWhateverTheCaseTheRosterUsed() =>
        Assert.True(_policy.Decide(Staff(StaffRole.Teacher, "5b"), PupilRecordAction.ViewEmergencySummary, Sam).IsAllowed);

    internal static StaffMember Staff(StaffRole? role = null, params string[] classes) => new(
        "00000000-0000-0000-0000-000000000001",
        "Test Staff",
        null,
        role is { } r ? new HashSet<StaffRole> { r } : new HashSet<StaffRole>(),
        new HashSet<string>(classes, StringComparer.OrdinalIgnoreCase));
}

using HealthGuideBot.Core.Pupils;

namespace HealthGuideBot.Core.Access;

/// <summary>
/// The default policy, least privilege first:
/// <list type="bullet">
/// <item>Nurse, SENCO and admin: everything about every pupil's plan; nurse, SENCO, DSL and admin may refer and read referrals.</item>
/// <item>DSL: emergency summaries of every pupil (safeguarding needs them), referrals; not the full plan.</item>
/// <item>Teacher: the emergency summary of pupils in classes they teach; nothing else.</item>
/// <item>Office and anyone else: nothing.</item>
/// </list>
/// </summary>
public sealed class PupilAccessPolicy : IAccessPolicy
{
    private static readonly StaffRole[] PlanKeepers = [StaffRole.Nurse, StaffRole.Senco, StaffRole.Admin];
    private static readonly StaffRole[] Referrers = [StaffRole.Senco, StaffRole.Dsl, StaffRole.Nurse, StaffRole.Admin];

    public AccessDecision Decide(StaffMember? staff, PupilRecordAction action, Pupil pupil)
    {
        ArgumentNullException.ThrowIfNull(pupil);
        if (staff is null)
        {
            return AccessDecision.Deny(null);
        }

        return action switch
        {
            PupilRecordAction.ViewEmergencySummary =>
                FirstHeld(staff, [.. PlanKeepers, StaffRole.Dsl]) is { } keeper ? AccessDecision.Allow(keeper)
                : staff.HasRole(StaffRole.Teacher) && staff.Teaches(pupil.ClassName) ? AccessDecision.Allow(StaffRole.Teacher)
                : AccessDecision.Deny(MostRelevant(staff)),
            PupilRecordAction.ViewPlan or PupilRecordAction.EditPlan =>
                FirstHeld(staff, PlanKeepers) is { } role ? AccessDecision.Allow(role) : AccessDecision.Deny(MostRelevant(staff)),
            PupilRecordAction.Refer or PupilRecordAction.ViewReferral =>
                FirstHeld(staff, Referrers) is { } referrer ? AccessDecision.Allow(referrer) : AccessDecision.Deny(MostRelevant(staff)),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown pupil record action."),
        };
    }

    private static StaffRole? FirstHeld(StaffMember staff, StaffRole[] roles)
    {
        foreach (var role in roles)
        {
            if (staff.HasRole(role))
            {
                return role;
            }
        }

        return null;
    }

    private static StaffRole? MostRelevant(StaffMember staff) => staff.Roles.Count == 0 ? null : staff.Roles.Min();
}

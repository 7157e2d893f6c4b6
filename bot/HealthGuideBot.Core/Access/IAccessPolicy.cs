using HealthGuideBot.Core.Pupils;

namespace HealthGuideBot.Core.Access;

/// <summary>Decides whether a member of staff may do something with a pupil's records (security.md 72–74).</summary>
public interface IAccessPolicy
{
    /// <summary>
    /// The decision for <paramref name="staff"/> (null for an unknown user) doing <paramref name="action"/> on
    /// <paramref name="pupil"/>'s records. Pure: callers audit the decision (<see cref="IAuditLog"/>).
    /// </summary>
    AccessDecision Decide(StaffMember? staff, PupilRecordAction action, Pupil pupil);
}

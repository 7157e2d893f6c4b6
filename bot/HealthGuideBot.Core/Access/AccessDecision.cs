namespace HealthGuideBot.Core.Access;

/// <summary>An access policy's answer, with the role the decision rested on (recorded in the audit trail).</summary>
/// <param name="IsAllowed">True when the action may go ahead.</param>
/// <param name="Role">The role that granted it, or the actor's most relevant role when refused; null for unknown users.</param>
public readonly record struct AccessDecision(bool IsAllowed, StaffRole? Role)
{
    public static AccessDecision Allow(StaffRole role) => new(true, role);

    public static AccessDecision Deny(StaffRole? role) => new(false, role);
}

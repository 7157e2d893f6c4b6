namespace HealthGuideBot.Core.Access;

/// <summary>
/// The roles of school staff. Roles come from Entra groups or the MIS roster, never from anything a user types
/// (security.md 73).
/// </summary>
public enum StaffRole
{
    Teacher,
    Nurse,

    /// <summary>Special educational needs co-ordinator.</summary>
    Senco,

    /// <summary>Designated safeguarding lead.</summary>
    Dsl,
    Office,
    Admin,
}

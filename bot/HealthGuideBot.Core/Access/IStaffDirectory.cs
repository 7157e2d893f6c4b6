namespace HealthGuideBot.Core.Access;

/// <summary>
/// Who a Teams user is and what roles they hold. Implementations: the local roster file (embedded default) and Entra
/// group membership mapped to roles by configuration.
/// </summary>
public interface IStaffDirectory
{
    /// <summary>The member of staff with this Entra object id, or null when unknown (an unknown user holds no role).</summary>
    ValueTask<StaffMember?> FindAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Everyone holding <paramref name="role"/>, for example the SENCOs to alert or the nurses to assign.</summary>
    ValueTask<IReadOnlyList<StaffMember>> InRoleAsync(StaffRole role, CancellationToken cancellationToken);
}

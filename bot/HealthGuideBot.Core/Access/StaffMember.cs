namespace HealthGuideBot.Core.Access;

/// <summary>
/// A member of staff as the directory knows them: roles from Entra group membership or the roster file, never from
/// anything typed in a chat (security.md 73).
/// </summary>
/// <param name="UserId">The Entra object id (<c>from.aadObjectId</c> on Teams activities). Audit-safe.</param>
/// <param name="DisplayName">Name for cards addressed to other staff (for example "assigned to").</param>
/// <param name="Email">Work email, when known.</param>
/// <param name="Roles">Every role held; empty means no access to pupil records.</param>
/// <param name="Classes">Classes the member of staff teaches (for a teacher's entitlement to a pupil).</param>
public sealed record StaffMember(string UserId, string DisplayName, string? Email, IReadOnlySet<StaffRole> Roles, IReadOnlySet<string> Classes)
{
    public bool HasRole(StaffRole role) => Roles.Contains(role);

    public bool HasAnyRole(params ReadOnlySpan<StaffRole> roles)
    {
        foreach (var role in roles)
        {
            if (Roles.Contains(role))
            {
                return true;
            }
        }

        return false;
    }

    public bool Teaches(string className) => Classes.Contains(className);
}

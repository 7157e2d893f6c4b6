namespace HealthGuideBot.Infrastructure.People.Groups;

/// <summary>Reads who belongs to a group: Microsoft Graph in production, a fake in tests.</summary>
internal interface IGroupMembershipSource
{
    /// <summary>Every user in the group, directly or through nested groups; other member types are left out.</summary>
    /// <exception cref="GroupMembershipException">The group could not be read (missing, forbidden, unavailable).</exception>
    Task<IReadOnlyList<DirectoryUser>> TransitiveUsersAsync(string groupId, CancellationToken cancellationToken);
}

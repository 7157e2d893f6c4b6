namespace HealthGuideBot.Infrastructure.People.Groups;

/// <summary>Why a group's membership could not be read.</summary>
internal enum GroupMembershipFailure
{
    /// <summary>No such group in the tenant (a mistyped id in configuration).</summary>
    NotFound,

    /// <summary>The app lacks <c>GroupMember.Read.All</c> (or admin consent), or the group's membership is hidden.</summary>
    Forbidden,

    /// <summary>Graph was slow, throttled or down; the next sync tries again.</summary>
    Unavailable,
}

/// <summary>A group's membership could not be read. Carries the group id (configuration, not personal data).</summary>
internal sealed class GroupMembershipException : Exception
{
    public GroupMembershipException(string groupId, GroupMembershipFailure failure, Exception? innerException = null)
        : base(MessageFor(groupId, failure), innerException)
    {
        GroupId = groupId;
        Failure = failure;
    }

    public GroupMembershipException()
    {
        GroupId = string.Empty;
    }

    public GroupMembershipException(string message)
        : base(message)
    {
        GroupId = string.Empty;
    }

    public GroupMembershipException(string message, Exception innerException)
        : base(message, innerException)
    {
        GroupId = string.Empty;
    }

    public string GroupId { get; }

    public GroupMembershipFailure Failure { get; } = GroupMembershipFailure.Unavailable;

    private static string MessageFor(string groupId, GroupMembershipFailure failure) => failure switch
    {
        GroupMembershipFailure.NotFound => $"The group {groupId} (HealthGuideBot:Roles) does not exist in the tenant.",
        GroupMembershipFailure.Forbidden => $"The bot may not read the members of group {groupId}: grant the app registration GroupMember.Read.All (application) with admin consent.",
        _ => $"The members of group {groupId} could not be read from Microsoft Graph just now.",
    };
}

using HealthGuideBot.Infrastructure.People.Groups;

namespace HealthGuideBot.Infrastructure.Tests.People.Groups;

/// <summary>Group membership held in memory; a group can be made to fail, and every read is counted.</summary>
internal sealed class FakeMembershipSource : IGroupMembershipSource
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<DirectoryUser>> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, GroupMembershipFailure> _failing = new(StringComparer.OrdinalIgnoreCase);

    public int Reads { get; private set; }

    public void Set(string groupId, params DirectoryUser[] users)
    {
        lock (_gate)
        {
            _groups[groupId] = [.. users];
            _failing.Remove(groupId);
        }
    }

    public void Fail(string groupId, GroupMembershipFailure failure)
    {
        lock (_gate)
        {
            _failing[groupId] = failure;
        }
    }

    public Task<IReadOnlyList<DirectoryUser>> TransitiveUsersAsync(string groupId, CancellationToken cancellationToken)
    {
        IReadOnlyList<DirectoryUser>? users = null;
        GroupMembershipFailure? failure = null;
        lock (_gate)
        {
            Reads++;
            if (_failing.TryGetValue(groupId, out var f))
            {
                failure = f;
            }
            else
            {
                users = _groups.TryGetValue(groupId, out var found) ? [.. found] : [];
            }
        }

        return failure is { } why
            ? Task.FromException<IReadOnlyList<DirectoryUser>>(new GroupMembershipException(groupId, why))
            : Task.FromResult(users!);
    }
}

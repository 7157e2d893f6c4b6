using System.Collections.Frozen;
using HealthGuideBot.Core.Access;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Infrastructure.People.Groups;

/// <summary>
/// Staff roles and classes from Entra group membership. <see cref="SyncAsync"/> reads every mapped group and swaps in
/// a new immutable snapshot only when all of them were read: a half-read sync would strip roles from everyone in the
/// groups it missed. Until the first sync succeeds, and once the last good one is older than
/// <see cref="GroupRoleOptions.MaxStaleness"/>, nobody holds a role (fail closed).
/// </summary>
internal sealed partial class GroupMembershipDirectory : IStaffDirectory
{
    private static readonly Snapshot Nobody = new(FrozenDictionary<string, StaffMember>.Empty, DateTimeOffset.MinValue);

    private readonly GroupRoleMap _map;
    private readonly IGroupMembershipSource _source;
    private readonly Func<string, StaffMember?> _namesFallback;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _maxStaleness;
    private readonly ILogger<GroupMembershipDirectory> _logger;
    private Snapshot _current = Nobody;
    private int _staleLogged;

    /// <param name="namesFallback">
    /// Names and emails for users Graph returns without them (least privilege gives ids only): the roster file's staff
    /// entries, whose roles are ignored in this mode.
    /// </param>
    public GroupMembershipDirectory(
        GroupRoleMap map,
        IGroupMembershipSource source,
        Func<string, StaffMember?> namesFallback,
        TimeProvider timeProvider,
        TimeSpan maxStaleness,
        ILogger<GroupMembershipDirectory> logger)
    {
        _map = map;
        _source = source;
        _namesFallback = namesFallback;
        _timeProvider = timeProvider;
        _maxStaleness = maxStaleness;
        _logger = logger;
    }

    /// <summary>When the membership in use was read; null before the first successful sync.</summary>
    public DateTimeOffset? LastSyncedAt => Volatile.Read(ref _current) is { SyncedAt: var at } && at != DateTimeOffset.MinValue ? at : null;

    public ValueTask<StaffMember?> FindAsync(string userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Current().GetValueOrDefault(userId ?? string.Empty));

    public ValueTask<IReadOnlyList<StaffMember>> InRoleAsync(StaffRole role, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<StaffMember>>(
            [.. Current().Values.Where(s => s.HasRole(role)).OrderBy(s => s.DisplayName, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.UserId, StringComparer.Ordinal)]);

    /// <summary>Reads every mapped group and, when all were read, makes the result current.</summary>
    /// <exception cref="GroupMembershipException">A group could not be read; the previous membership stays in use.</exception>
    public async Task<GroupSyncResult> SyncAsync(CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        var people = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        foreach (var groupId in _map.AllGroupIds)
        {
            var members = await _source.TransitiveUsersAsync(groupId, cancellationToken);
            var roles = _map.RoleGroups.GetValueOrDefault(groupId);
            var className = _map.ClassGroups.GetValueOrDefault(groupId);
            foreach (var user in members)
            {
                if (string.IsNullOrWhiteSpace(user.Id))
                {
                    continue;
                }

                if (!people.TryGetValue(user.Id, out var person))
                {
                    person = new Person(user.Id);
                    people.Add(user.Id, person);
                }

                person.DisplayName ??= string.IsNullOrWhiteSpace(user.DisplayName) ? null : user.DisplayName.Trim();
                person.Email ??= string.IsNullOrWhiteSpace(user.Email) ? null : user.Email.Trim();
                if (roles is not null)
                {
                    person.Roles.UnionWith(roles);
                }

                if (className is not null)
                {
                    person.Classes.Add(className);
                    person.Roles.Add(StaffRole.Teacher);
                }
            }
        }

        var staff = people.Values.Select(ToMember).ToFrozenDictionary(m => m.UserId, StringComparer.OrdinalIgnoreCase);
        var previous = Volatile.Read(ref _current);
        var result = new GroupSyncResult(
            staff.Count,
            staff.Keys.Count(id => !previous.Staff.ContainsKey(id)),
            previous.Staff.Keys.Count(id => !staff.ContainsKey(id)),
            staff.Count(s => previous.Staff.TryGetValue(s.Key, out var before) && !SameEntitlement(before, s.Value)));
        Volatile.Write(ref _current, new Snapshot(staff, _timeProvider.GetUtcNow()));
        Interlocked.Exchange(ref _staleLogged, 0);
        Log.Synced(_logger, _map.AllGroupIds.Count, result.Staff, result.Joined, result.Left, result.Changed, (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    private FrozenDictionary<string, StaffMember> Current()
    {
        var snapshot = Volatile.Read(ref _current);
        if (snapshot.Staff.Count == 0 || _timeProvider.GetUtcNow() - snapshot.SyncedAt <= _maxStaleness)
        {
            return snapshot.Staff;
        }

        if (Interlocked.Exchange(ref _staleLogged, 1) == 0)
        {
            Log.Stale(_logger, snapshot.SyncedAt, _maxStaleness);
        }

        return Nobody.Staff;
    }

    private StaffMember ToMember(Person person)
    {
        var known = person.DisplayName is null || person.Email is null ? _namesFallback(person.Id) : null;
        var name = person.DisplayName ?? known?.DisplayName ?? FallbackName(person.Roles);
        return new StaffMember(person.Id, name, person.Email ?? known?.Email, person.Roles.ToFrozenSet(), person.Classes.ToFrozenSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>A label for someone Graph named no one and the roster does not list: their role, never their id.</summary>
    private static string FallbackName(HashSet<StaffRole> roles) =>
        roles.Contains(StaffRole.Nurse) ? "A school nurse"
        : roles.Contains(StaffRole.Senco) ? "A SENCO"
        : roles.Contains(StaffRole.Dsl) ? "A designated safeguarding lead"
        : "A member of staff";

    private static bool SameEntitlement(StaffMember a, StaffMember b) => a.Roles.SetEquals(b.Roles) && a.Classes.SetEquals(b.Classes);

    private sealed record Snapshot(FrozenDictionary<string, StaffMember> Staff, DateTimeOffset SyncedAt);

    private sealed class Person(string id)
    {
        public string Id { get; } = id;

        public string? DisplayName { get; set; }

        public string? Email { get; set; }

        public HashSet<StaffRole> Roles { get; } = [];

        public HashSet<string> Classes { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private static partial class Log
    {
        // EventIds 4000–4099: people and access. Counts and group ids only: no names, emails or user ids.
        [LoggerMessage(4010, LogLevel.Information, "Roles read from {Groups} Entra groups: {Staff} staff ({Joined} joined, {Left} left, {Changed} changed) in {ElapsedMs} ms")]
        public static partial void Synced(ILogger logger, int groups, int staff, int joined, int left, int changed, long elapsedMs);

        [LoggerMessage(4011, LogLevel.Error, "Group membership last read at {SyncedAt:u} is older than {MaxStaleness}: nobody holds a role until a sync succeeds")]
        public static partial void Stale(ILogger logger, DateTimeOffset syncedAt, TimeSpan maxStaleness);
    }
}

/// <summary>What one membership sync found, in counts.</summary>
/// <param name="Staff">People holding at least one role or class now.</param>
/// <param name="Joined">New since the previous sync.</param>
/// <param name="Left">Gone since the previous sync (they lost access).</param>
/// <param name="Changed">Still present with different roles or classes.</param>
internal sealed record GroupSyncResult(int Staff, int Joined, int Left, int Changed);

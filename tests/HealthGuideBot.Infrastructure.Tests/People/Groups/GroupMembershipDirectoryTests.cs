using HealthGuideBot.Core.Access;
using HealthGuideBot.Infrastructure.People.Groups;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Infrastructure.Tests.People.Groups;

public sealed class GroupMembershipDirectoryTests
{
    private const string NurseGroup = "6f0c2d8e-0000-4000-8000-000000000001";
    private const string SafeguardingGroup = "6f0c2d8e-0000-4000-8000-000000000002";
    private const string Class5B = "6f0c2d8e-0000-4000-8000-000000000005";
    private const string Class6A = "6f0c2d8e-0000-4000-8000-000000000006";

    private static readonly DirectoryUser Nina = new("u-nina", "Nina Nurse", "nina@school.example");
    private static readonly DirectoryUser Sue = new("u-sue", "Sue Senco", null);
    private static readonly DirectoryUser Tom = new("u-tom", null, null);

    private readonly FakeMembershipSource _source = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task BeforeTheFirstSync_NobodyHoldsARole()
    {
        _source.Set(NurseGroup, Nina);
        var directory = Create();

        Assert.Null(await directory.FindAsync(Nina.Id, CancellationToken.None));
        Assert.Empty(await directory.InRoleAsync(StaffRole.Nurse, CancellationToken.None));
        Assert.Null(directory.LastSyncedAt);
    }

    [Fact]
    public async Task Sync_GivesEachMemberTheUnionOfTheirGroupsRoles_AndClassGroupsMakeTeachers()
    {
        _source.Set(NurseGroup, Nina, Sue);
        _source.Set(SafeguardingGroup, Sue);
        _source.Set(Class5B, Tom, Sue);
        _source.Set(Class6A, Tom);
        var directory = Create();

        var result = await directory.SyncAsync(CancellationToken.None);

        Assert.Equal(new GroupSyncResult(Staff: 3, Joined: 3, Left: 0, Changed: 0), result);
        var sue = await directory.FindAsync("U-SUE", CancellationToken.None);
        Assert.NotNull(sue);
        Assert.Equal([StaffRole.Teacher, StaffRole.Nurse, StaffRole.Senco, StaffRole.Dsl], sue.Roles.Order());
        Assert.True(sue.Teaches("5b"));
        var tom = await directory.FindAsync(Tom.Id, CancellationToken.None);
        Assert.NotNull(tom);
        Assert.Equal([StaffRole.Teacher], tom.Roles);
        Assert.True(tom.Teaches("5B") && tom.Teaches("6A"));
        Assert.Equal(["Nina Nurse", "Sue Senco"], (await directory.InRoleAsync(StaffRole.Nurse, CancellationToken.None)).Select(s => s.DisplayName));
        Assert.Equal(_clock.GetUtcNow(), directory.LastSyncedAt);
    }

    [Fact]
    public async Task ALeaverRemovedFromTheGroup_LosesAccessAtTheNextSync()
    {
        _source.Set(NurseGroup, Nina, Sue);
        _source.Set(SafeguardingGroup, Sue);
        var directory = Create();
        await directory.SyncAsync(CancellationToken.None);

        _source.Set(NurseGroup, Sue);
        _source.Set(SafeguardingGroup);
        var result = await directory.SyncAsync(CancellationToken.None);

        Assert.Null(await directory.FindAsync(Nina.Id, CancellationToken.None));
        var sue = await directory.FindAsync(Sue.Id, CancellationToken.None);
        Assert.Equal([StaffRole.Nurse], sue!.Roles);
        Assert.Equal(new GroupSyncResult(Staff: 1, Joined: 0, Left: 1, Changed: 1), result);
    }

    [Fact]
    public async Task AFailedGroup_KeepsThePreviousMembershipWhole_NotAHalfReadOne()
    {
        _source.Set(NurseGroup, Nina);
        _source.Set(SafeguardingGroup, Sue);
        var directory = Create();
        await directory.SyncAsync(CancellationToken.None);

        _source.Set(NurseGroup); // Nina leaves ...
        _source.Fail(SafeguardingGroup, GroupMembershipFailure.Unavailable); // ... but this group cannot be read
        var failure = await Assert.ThrowsAsync<GroupMembershipException>(() => directory.SyncAsync(CancellationToken.None));

        Assert.Equal(SafeguardingGroup, failure.GroupId);
        Assert.NotNull(await directory.FindAsync(Sue.Id, CancellationToken.None)); // not stripped by a half-read sync
        Assert.NotNull(await directory.FindAsync(Nina.Id, CancellationToken.None)); // the whole previous snapshot stays
    }

    [Fact]
    public async Task WhenGraphStaysUnreadablePastMaxStaleness_NobodyHoldsARole_UntilASyncSucceeds()
    {
        _source.Set(NurseGroup, Nina);
        var directory = Create(maxStaleness: TimeSpan.FromHours(2));
        await directory.SyncAsync(CancellationToken.None);
        _source.Fail(NurseGroup, GroupMembershipFailure.Unavailable);

        _clock.Advance(TimeSpan.FromHours(2));
        await Assert.ThrowsAsync<GroupMembershipException>(() => directory.SyncAsync(CancellationToken.None));
        Assert.NotNull(await directory.FindAsync(Nina.Id, CancellationToken.None)); // exactly at the limit: still trusted

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await directory.FindAsync(Nina.Id, CancellationToken.None));
        Assert.Empty(await directory.InRoleAsync(StaffRole.Nurse, CancellationToken.None));

        _source.Set(NurseGroup, Nina);
        await directory.SyncAsync(CancellationToken.None);
        Assert.NotNull(await directory.FindAsync(Nina.Id, CancellationToken.None));
    }

    [Fact]
    public async Task NamesGraphDoesNotReturn_ComeFromTheRoster_ThenFromTheRole_NeverFromTheObjectId()
    {
        _source.Set(NurseGroup, new DirectoryUser("u-named-in-roster", null, null), new DirectoryUser("u-unknown", null, null));
        var roster = new StaffMember("u-named-in-roster", "Rita Roster", "rita@school.example", new HashSet<StaffRole> { StaffRole.Admin }, new HashSet<string>());
        var directory = Create(names: id => id == roster.UserId ? roster : null);
        await directory.SyncAsync(CancellationToken.None);

        var rita = await directory.FindAsync("u-named-in-roster", CancellationToken.None);
        Assert.Equal("Rita Roster", rita!.DisplayName);
        Assert.Equal("rita@school.example", rita.Email);
        Assert.Equal([StaffRole.Nurse], rita.Roles); // the roster's roles are ignored in group mode
        var unknown = await directory.FindAsync("u-unknown", CancellationToken.None);
        Assert.Equal("A school nurse", unknown!.DisplayName);
        Assert.DoesNotContain("u-unknown", unknown.DisplayName, StringComparison.Ordinal);
    }

    private GroupMembershipDirectory Create(TimeSpan? maxStaleness = null, Func<string, StaffMember?>? names = null) => new(
        GroupRoleMap.From(Options()),
        _source,
        names ?? (_ => null),
        _clock,
        maxStaleness ?? TimeSpan.FromHours(2),
        NullLogger<GroupMembershipDirectory>.Instance);

    internal static GroupRoleOptions Options() => new()
    {
        Groups = new(StringComparer.OrdinalIgnoreCase) { [NurseGroup] = "Nurse", [SafeguardingGroup] = "Senco, dsl" },
        ClassGroups = new(StringComparer.OrdinalIgnoreCase) { [Class5B] = "5B", [Class6A] = "6A" },
    };
}

using HealthGuideBot.Infrastructure.People.Groups;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Infrastructure.Tests.People.Groups;

/// <summary>The sync loop, driven by a fake clock: no sleeps; each step awaited through the loop's Waiting hook.</summary>
public sealed class GroupRoleSyncTests
{
    private const string NurseGroup = "6f0c2d8e-0000-4000-8000-000000000001";

    /// <summary>A bound on waiting for the background loop (it runs on the thread pool), so a broken loop fails, not hangs.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly FakeMembershipSource _source = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(0, 900)]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(5, 480)]
    [InlineData(6, 900)] // 960 s would pass the interval
    [InlineData(40, 900)]
    public void NextDelay_RetriesAFailureSoonerAndBacksOff_NeverBeyondTheInterval(int failures, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), GroupRoleSync.NextDelay(failures, TimeSpan.FromMinutes(15)));

    [Fact]
    public async Task Start_SyncsAtOnce_ThenEveryInterval_AndALeaverGoesAtTheNextOne()
    {
        _source.Set(NurseGroup, new DirectoryUser("u-nina", "Nina Nurse", null));
        var directory = Directory();
        using var sync = new GroupRoleSync(directory, TimeSpan.FromMinutes(15), _clock, NullLogger<GroupRoleSync>.Instance);

        var armed = NextWait(sync);
        await sync.StartAsync(CancellationToken.None);
        await armed.WaitAsync(Bound);
        Assert.NotNull(await directory.FindAsync("u-nina", CancellationToken.None));

        _source.Set(NurseGroup); // Nina leaves the nurses' group
        armed = NextWait(sync);
        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(1, _source.Reads);
        Assert.NotNull(await directory.FindAsync("u-nina", CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(1));
        await armed.WaitAsync(Bound);
        Assert.Equal(2, _source.Reads);
        Assert.Null(await directory.FindAsync("u-nina", CancellationToken.None));
        await sync.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AFailedSync_IsRetriedAfterThirtySeconds_NotAWholeInterval()
    {
        _source.Fail(NurseGroup, GroupMembershipFailure.Unavailable);
        var directory = Directory();
        using var sync = new GroupRoleSync(directory, TimeSpan.FromMinutes(15), _clock, NullLogger<GroupRoleSync>.Instance);
        var armed = NextWait(sync);
        await sync.StartAsync(CancellationToken.None);
        await armed.WaitAsync(Bound);
        Assert.Null(directory.LastSyncedAt);

        _source.Set(NurseGroup, new DirectoryUser("u-nina", "Nina Nurse", null));
        armed = NextWait(sync);
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, _source.Reads);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await armed.WaitAsync(Bound);

        Assert.Equal(2, _source.Reads);
        Assert.NotNull(await directory.FindAsync("u-nina", CancellationToken.None));
        await sync.StopAsync(CancellationToken.None);
    }

    /// <summary>Completes when the loop has finished its current sync and armed the wait for the next one.</summary>
    private static Task NextWait(GroupRoleSync sync)
    {
        var armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        sync.Waiting = () => armed.TrySetResult();
        return armed.Task;
    }

    private GroupMembershipDirectory Directory() => new(
        GroupRoleMap.From(new GroupRoleOptions { Groups = new() { [NurseGroup] = "Nurse" } }),
        _source,
        _ => null,
        _clock,
        TimeSpan.FromHours(2),
        NullLogger<GroupMembershipDirectory>.Instance);
}

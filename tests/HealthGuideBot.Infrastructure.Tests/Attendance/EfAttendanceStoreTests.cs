using HealthGuideBot.Core.Attendance;
using HealthGuideBot.Infrastructure.Hosting;
using HealthGuideBot.Infrastructure.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Infrastructure.Tests.Attendance;

/// <summary>The attendance store on a real SQLite file: idempotent upserts, corrections, counting and the prompt ledger.</summary>
public sealed class EfAttendanceStoreTests : IAsyncLifetime
{
    private static readonly IReadOnlySet<string> HealthCodes = new HashSet<string>(StringComparer.Ordinal) { "I", "M" };
    private static readonly DateTimeOffset Now = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Apply_HoldsEachSessionOnce_WhenTheSameMarksArriveTwice()
    {
        AttendanceRecord[] marks = [Am("P0001", 1, "I"), Pm("P0001", 1, "I"), Am("P0001", 2, "M")];

        var first = await ApplyAsync(marks, []);
        var second = await ApplyAsync(marks, []);

        Assert.Equal(new AttendanceChanges(3, 0, 0, 0), first);
        Assert.Equal(new AttendanceChanges(0, 0, 3, 0), second);
        Assert.Equal(3, (await CountAsync(null))["P0001"]);
    }

    [Fact]
    public async Task Apply_UpdatesTheCode_AndRemovesASessionTheRegisterNoLongerMarksAsHealth()
    {
        await ApplyAsync([Am("P0001", 1, "I"), Pm("P0001", 1, "I")], []);

        var changes = await ApplyAsync([Am("P0001", 1, "M")], [Pm("P0001", 1, "O"), Am("P0002", 1, "O")]);

        Assert.Equal(new AttendanceChanges(0, 1, 0, 1), changes);
        Assert.Equal(1, (await CountAsync(null))["P0001"]);
    }

    [Fact]
    public async Task Apply_StoresNothingOfTheBatch_WhenOneRowFails()
    {
        await using (var scope = _database.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IAttendanceStore>();
            AttendanceRecord[] batch = [Am("P0001", 1, "I"), Pm("P0001", 1, "I"), Am("P0002", 1, null!)]; // NOT NULL fails the last row

            await Assert.ThrowsAnyAsync<Exception>(() => store.ApplyAsync(batch, [], Now, CancellationToken.None));
        }

        Assert.Empty(await CountAsync(null));
    }

    [Fact]
    public async Task Count_IncludesOnlyTheDatesCodesAndPupilsAsked()
    {
        await ApplyAsync(
            [Am("P0001", 1, "I"), Pm("P0001", 1, "I"), Am("P0001", 20, "I"), Am("P0002", 5, "M"), Am("P0003", 5, "X")],
            []);

        await using var scope = _database.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IAttendanceStore>();
        var firstHalf = await store.CountSessionsAsync(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 10), HealthCodes, null, CancellationToken.None);
        var onlyP2 = await store.CountSessionsAsync(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), HealthCodes, ["P0002"], CancellationToken.None);

        Assert.Equal(2, firstHalf["P0001"]);
        Assert.Equal(1, firstHalf["P0002"]);
        Assert.False(firstHalf.ContainsKey("P0003"), "code X is not health-related");
        Assert.Equal(["P0002"], onlyP2.Keys);
    }

    [Fact]
    public async Task PromptLedger_SurvivesARestart_AndKeepsTheFirstRecord()
    {
        var key = "attendance:P0001:2026-27-autumn:10";
        await using (var scope = _database.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IAttendanceStore>();
            Assert.False(await store.HasPromptAsync(key, CancellationToken.None));
            await store.RecordPromptAsync(new AttendancePromptRecord(key, "P0001", "2026-27-autumn", 10, Now), CancellationToken.None);
            await store.RecordPromptAsync(new AttendancePromptRecord(key, "P0001", "2026-27-autumn", 10, Now.AddDays(1)), CancellationToken.None);
        }

        await _database.RestartAsync();

        await using (var scope = _database.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IAttendanceStore>();
            Assert.True(await store.HasPromptAsync(key, CancellationToken.None));
            Assert.False(await store.HasPromptAsync("attendance:P0001:2026-27-spring:10", CancellationToken.None));
        }
    }

    private static AttendanceRecord Am(string pupil, int day, string code) => new(pupil, new DateOnly(2026, 10, day), AttendanceSession.Morning, code);

    private static AttendanceRecord Pm(string pupil, int day, string code) => new(pupil, new DateOnly(2026, 10, day), AttendanceSession.Afternoon, code);

    private async Task<AttendanceChanges> ApplyAsync(AttendanceRecord[] health, AttendanceRecord[] cleared)
    {
        await using var scope = _database.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IAttendanceStore>().ApplyAsync(health, cleared, Now, CancellationToken.None);
    }

    private async Task<IReadOnlyDictionary<string, int>> CountAsync(IReadOnlyCollection<string>? pupils)
    {
        await using var scope = _database.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IAttendanceStore>()
            .CountSessionsAsync(new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31), HealthCodes, pupils, CancellationToken.None);
    }
}

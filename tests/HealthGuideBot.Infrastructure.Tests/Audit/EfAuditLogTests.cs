using HealthGuideBot.Core.Access;
using HealthGuideBot.Infrastructure.Audit;
using HealthGuideBot.Infrastructure.Persistence;
using HealthGuideBot.Infrastructure.Tests.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Infrastructure.Tests.Audit;

public sealed class EfAuditLogTests
{
    [Fact]
    [Trait("Security", "G79")]
    public async Task AppendAsync_StoresWhoWhatWhenWhereAndOutcome_InSequence()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var read = Entry(database, "plan.read", "plan-17", AuditOutcome.Allowed);
        var denied = Entry(database, "plan.read", "plan-18", AuditOutcome.Denied, role: StaffRole.Teacher);

        var first = await WithLog(database, log => log.AppendAsync(read, CancellationToken.None));
        var second = await WithLog(database, log => log.AppendAsync(denied, CancellationToken.None));
        await database.RestartAsync();
        var all = await WithLog(database, log => log.QueryAsync(new AuditQuery(), CancellationToken.None));
        var deniedOnly = await WithLog(database, log => log.QueryAsync(new AuditQuery { RecordId = "plan-18" }, CancellationToken.None));

        Assert.Equal([1L, 2L], all.Select(r => r.Sequence));
        Assert.Equal(read, all[0].Entry);
        Assert.Equal(first.Hash, all[0].Hash);
        Assert.Equal(denied, Assert.Single(deniedOnly).Entry);
        Assert.NotEqual(first.Hash, second.Hash);
    }

    [Fact]
    public async Task QueryAsync_FiltersByTimeWindow_WhenFromAndToAreGiven()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await WithLog(database, log => log.AppendAsync(Entry(database, "plan.read", "p1"), CancellationToken.None));
        database.Time.Advance(TimeSpan.FromDays(1));
        var from = database.Time.GetUtcNow();
        await WithLog(database, log => log.AppendAsync(Entry(database, "plan.read", "p2"), CancellationToken.None));
        database.Time.Advance(TimeSpan.FromDays(1));
        await WithLog(database, log => log.AppendAsync(Entry(database, "plan.read", "p3"), CancellationToken.None));

        var window = await WithLog(database, log => log.QueryAsync(new AuditQuery { From = from, To = from.AddDays(1) }, CancellationToken.None));

        Assert.Equal(["p2"], window.Select(r => r.Entry.RecordId));
    }

    [Fact]
    [Trait("Security", "G80")]
    public async Task VerifyIntegrityAsync_ReportsIntact_WhenOnlyTheLogHasWritten()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await WithLog(database, log => log.AppendAsync(Entry(database, "referral.create", $"ref-{i}"), CancellationToken.None));
        }

        var report = await WithLog(database, log => log.VerifyIntegrityAsync(CancellationToken.None));

        Assert.Equal(new AuditIntegrityReport(true, 5, null), report);
    }

    [Theory]
    [Trait("Security", "G79")]
    [InlineData("UPDATE audit_entries SET Outcome = 'Allowed' WHERE Sequence = 2")]
    [InlineData("DELETE FROM audit_entries WHERE Sequence = 2")]
    public async Task RawSql_IsRefusedByTheDatabase_WhenItUpdatesOrDeletesAuditRows(string sql)
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            await WithLog(database, log => log.AppendAsync(Entry(database, "plan.read", $"p{i}", AuditOutcome.Denied), CancellationToken.None));
        }

        var error = await Assert.ThrowsAsync<SqliteException>(() => Execute(database.FilePath, sql));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.True((await WithLog(database, log => log.VerifyIntegrityAsync(CancellationToken.None))).IsIntact);
    }

    [Fact]
    [Trait("Security", "G79")]
    public async Task SaveChanges_Throws_WhenCodeTriesToModifyAnAuditRowThroughEf()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await WithLog(database, log => log.AppendAsync(Entry(database, "plan.read", "p1"), CancellationToken.None));
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        var row = await db.AuditEntries.SingleAsync();

        row.Outcome = nameof(AuditOutcome.Denied);
        var update = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.SingleAsync());
        var delete = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Security", "G80")]
    [InlineData("UPDATE audit_entries SET Outcome = 'Allowed' WHERE Sequence = 3", 3)]
    [InlineData("UPDATE audit_entries SET ActorId = 'aad-someone-else' WHERE Sequence = 2", 2)]
    [InlineData("UPDATE audit_entries SET OccurredAt = OccurredAt + 1 WHERE Sequence = 4", 4)]
    [InlineData("DELETE FROM audit_entries WHERE Sequence = 2", 3)]
    [InlineData("UPDATE audit_entries SET Outcome = 'Nonsense' WHERE Sequence = 1", 1)]
    public async Task VerifyIntegrityAsync_FindsTheTamperedRecord_WhenSomeoneDropsTheTriggersAndEditsTheTable(string tampering, long firstBroken)
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await WithLog(database, log => log.AppendAsync(Entry(database, "plan.read", $"p{i}", AuditOutcome.Denied), CancellationToken.None));
        }

        await Execute(
            database.FilePath,
            $"DROP TRIGGER {AuditEntryEntityTypeConfiguration.NoUpdateTrigger}; DROP TRIGGER {AuditEntryEntityTypeConfiguration.NoDeleteTrigger}; {tampering};");
        var report = await WithLog(database, log => log.VerifyIntegrityAsync(CancellationToken.None));

        Assert.False(report.IsIntact);
        Assert.Equal(firstBroken, report.FirstBrokenSequence);
    }

    [Fact]
    [Trait("Security", "G80")]
    public async Task AppendAsync_KeepsTheChainIntact_WhenManyScopesAppendConcurrently()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await WithLog(database, log => log.AppendAsync(Entry(database, "plan.read", $"w{worker}-{i}"), CancellationToken.None));
            }
        })));
        var report = await WithLog(database, log => log.VerifyIntegrityAsync(CancellationToken.None));

        Assert.Equal(new AuditIntegrityReport(true, 40, null), report);
    }

    [Theory]
    [Trait("Security", "G81")]
    [InlineData("plan.read\nINFO forged line")]
    [InlineData("Plan Read")]
    [InlineData("")]
    public void AuditEntry_RefusesAnAction_WhenItIsNotADottedLowerCaseVerb(string action)
    {
        Assert.Throws<ArgumentException>(() => new AuditEntry("aad-nurse", StaffRole.Nurse, action, "plan", "p1", DateTimeOffset.UnixEpoch, null, AuditOutcome.Allowed, null));
    }

    [Theory]
    [Trait("Security", "G81")]
    [InlineData("Jane Smith")]
    [InlineData("p1\r\nforged")]
    [InlineData("p1\u0000")]
    public void AuditEntry_RefusesARecordId_WhenItIsFreeTextOrHasControlCharacters(string recordId)
    {
        Assert.Throws<ArgumentException>(() => new AuditEntry("aad-nurse", StaffRole.Nurse, "plan.read", "plan", recordId, DateTimeOffset.UnixEpoch, null, AuditOutcome.Allowed, null));
    }

    [Fact]
    public void AuditEntry_RefusesATime_WhenItIsNotUtc()
    {
        Assert.Throws<ArgumentException>(() => new AuditEntry("aad-nurse", StaffRole.Nurse, "plan.read", "plan", "p1", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1)), null, AuditOutcome.Allowed, null));
    }

    private static AuditEntry Entry(SqliteTestDatabase database, string action, string recordId, AuditOutcome outcome = AuditOutcome.Allowed, StaffRole? role = StaffRole.Nurse) =>
        new("aad-nurse", role, action, action.Split('.')[0], recordId, database.Time.GetUtcNow(), "19:staff@thread.v2", outcome, "turn-1");

    private static async Task<T> WithLog<T>(SqliteTestDatabase database, Func<IAuditLog, Task<T>> action)
    {
        await using var scope = database.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<IAuditLog>());
    }

    private static async Task Execute(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.Core.Access;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HealthGuideBot.Infrastructure.Tests.Persistence;

/// <summary>
/// security.md 58. A process killed mid-run leaves the database file and its write-ahead log as they were at the
/// kill: committed transactions may still sit only in the WAL (no checkpoint, no clean close). These tests copy the
/// files in exactly that state, while the running provider still holds its connections, and open the copy as a
/// restarted process would. What they cannot show: loss of data still in a disk's volatile write cache on power
/// failure, which <c>synchronous=FULL</c> (checked in <see cref="MigrationTests"/>) leaves to the OS and the disk.
/// </summary>
[Trait("Security", "E58")]
public sealed class AbruptStopTests
{
    private static readonly DialogKey Key = new("msteams", "19:chat@thread.v2", "aad-alice");

    [Fact]
    public async Task Database_OpensWithEveryCommittedRow_WhenCopiedMidRunWithCommitsStillOnlyInTheWal()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var running = await HoldOpenAsync(database);
        await WriteCommittedRowsAsync(database);
        var copy = SnapshotAsIfKilled(database);

        Assert.True(new FileInfo(copy + "-wal").Length > 0, "The commits should still be in the WAL for this test to mean anything.");
        await AssertCommittedRowsPresentAsync(database, copy);
    }

    [Fact]
    public async Task Database_IgnoresATornWalFrame_WhenTheLastWriteWasInterrupted()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var running = await HoldOpenAsync(database);
        await WriteCommittedRowsAsync(database);
        var copy = SnapshotAsIfKilled(database);

        // Half a frame of garbage at the end of the log: a write the kill interrupted. It was never committed.
        await using (var wal = new FileStream(copy + "-wal", FileMode.Append, FileAccess.Write))
        {
            await wal.WriteAsync(Enumerable.Repeat((byte)0xA5, 2_100).ToArray());
        }

        await AssertCommittedRowsPresentAsync(database, copy);
    }

    /// <summary>
    /// A connection of the "running process" that stays open until the snapshot is taken. The provider's pooled
    /// connections are not enough: another test's <c>SqliteConnection.ClearAllPools()</c> (every test database's
    /// disposal calls it, and test classes run in parallel) can close them all, and SQLite then checkpoints the log
    /// into the database and deletes it, which is a clean close, not a kill.
    /// </summary>
    private static async Task<SqliteConnection> HoldOpenAsync(SqliteTestDatabase database)
    {
        var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False");
        await connection.OpenAsync();

        // SQLite opens the file and its log at a connection's first statement, not at open.
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT count(*) FROM sqlite_master";
        await read.ExecuteScalarAsync();
        return connection;
    }

    private static async Task WriteCommittedRowsAsync(SqliteTestDatabase database)
    {
        await using var scope = database.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDialogStateStore>();
        var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        var saved = await store.SaveAsync(Key, new StoredDialogState("form", 1, "{\"Step\":3}", 0, database.Time.GetUtcNow()), null, CancellationToken.None);
        await store.SaveAsync(Key, new StoredDialogState("form", 1, "{\"Step\":4}", 0, database.Time.GetUtcNow()), saved.Version, CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await log.AppendAsync(new AuditEntry("aad-alice", StaffRole.Nurse, "plan.update", "plan", $"p{i}", database.Time.GetUtcNow(), null, AuditOutcome.Allowed, null), CancellationToken.None);
        }
    }

    /// <summary>Copies the database and its WAL (not the shared-memory index, which is rebuilt) without closing anything.</summary>
    private static string SnapshotAsIfKilled(SqliteTestDatabase database)
    {
        var folder = Path.Combine(database.Folder, "after-kill");
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, "healthguidebot.db");
        File.Copy(database.FilePath, copy);
        File.Copy(database.FilePath + "-wal", copy + "-wal");
        return copy;
    }

    private static async Task AssertCommittedRowsPresentAsync(SqliteTestDatabase database, string copy)
    {
        await using (var restarted = SqliteTestDatabase.BuildServices($"Data Source={copy}", database.Time))
        {
            foreach (var hosted in restarted.GetServices<IHostedService>())
            {
                await hosted.StartAsync(CancellationToken.None);
            }

            await using var scope = restarted.CreateAsyncScope();
            var state = await scope.ServiceProvider.GetRequiredService<IDialogStateStore>().LoadAsync(Key, CancellationToken.None);
            var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();

            Assert.Equal(("{\"Step\":4}", 2L), (state?.StateJson, state?.Version));
            Assert.Equal(new AuditIntegrityReport(true, 3, null), await log.VerifyIntegrityAsync(CancellationToken.None));
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(["ok"], await MigrationTests.Scalars<string>(copy, "PRAGMA integrity_check"));
    }
}

using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Infrastructure.Tests.Persistence;

public sealed class MigrationTests
{
    [Fact]
    public async Task StartUp_CreatesTheFolderFileAndEveryTable_WhenNoDatabaseExists()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        Assert.True(File.Exists(database.FilePath));
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(
            ["answer_feedback", "attendance_prompts", "audit_entries", "conversation_references", "dialog_drafts", "dialog_states", "filing_outbox", "health_absences", "healthcare_plan_acknowledgements", "healthcare_plan_versions", "notification_ledger", "plan_review_schedule"],
            await Scalars<string>(database.FilePath, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%' ORDER BY name"));
        Assert.Equal(
            ["audit_entries_no_delete", "audit_entries_no_update"],
            await Scalars<string>(database.FilePath, "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"));
    }

    [Fact]
    public async Task Model_HasNoChangesMissingFromTheMigrations()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed: add a migration with dotnet ef migrations add <Name> --context SqliteHealthGuideDbContext --output-dir Migrations/Sqlite.");
    }

    [Fact]
    public async Task StartUp_AppliesNothing_WhenTheDatabaseIsAlreadyMigrated()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        await database.RestartAsync();

        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    [Trait("Security", "E58")]
    public async Task Connections_UseWriteAheadLoggingAndFullSync()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = db.Database.GetDbConnection();
            Assert.Equal("wal", await Scalar(connection, "PRAGMA journal_mode"));
            Assert.Equal(2L, await Scalar(connection, "PRAGMA synchronous"));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public void Location_ResolvesARelativeDataSourceAgainstTheContentRoot()
    {
        var location = SqliteDatabaseLocation.Resolve(null, "/srv/bot");

        Assert.Equal("/srv/bot/data/healthguidebot.db", location.FilePath);
        Assert.Contains("/srv/bot/data/healthguidebot.db", location.ConnectionString, StringComparison.Ordinal);
    }

    internal static async Task<List<T>> Scalars<T>(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(await reader.GetFieldValueAsync<T>(0));
        }

        return values;
    }

    private static async Task<object?> Scalar(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}

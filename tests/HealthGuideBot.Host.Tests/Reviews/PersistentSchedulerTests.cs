using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.Host.Conversations.Reviews;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace HealthGuideBot.Host.Tests.Reviews;

/// <summary>The Quartz scheduler keeps its jobs in the bot's SQLite database, created on a fresh machine.</summary>
public sealed class PersistentSchedulerTests
{
    [Fact]
    public async Task Scheduler_CreatesItsTablesAndStoresTheSweepTrigger_InTheBotsDatabase_AndSurvivesARestart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hgb-scheduler-tests", Guid.NewGuid().ToString("N"));
        for (var start = 0; start < 2; start++)
        {
            using var host = new BotHostFactory(new() { ["HealthGuideBot:Reviews:RunScheduler"] = "true" }, services: services => services.AddSingleton<IConnectorClient>(new ScriptedConnector()), dataFolder: folder);
            using var client = host.CreateClient();

            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
            Assert.True(await scheduler.Exists(new TriggerKey(ReviewPromptSweepJob.Name), CancellationToken.None), $"start {start}: the sweep trigger is missing");
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "healthguidebot.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = $name";
        command.Parameters.AddWithValue("$name", ReviewPromptSweepJob.Name);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        SqliteConnection.ClearAllPools();
    }
}

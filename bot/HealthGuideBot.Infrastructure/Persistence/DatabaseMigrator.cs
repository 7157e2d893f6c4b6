using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Infrastructure.Persistence;

/// <summary>
/// Applies pending migrations at start-up, before the server takes requests (hosted services start first), creating
/// the database file and its folder on first start. A failure stops the host: the bot never runs on a schema it
/// does not know.
/// </summary>
internal sealed partial class DatabaseMigrator : IHostedService
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly SqliteDatabaseLocation _location;
    private readonly ILogger<DatabaseMigrator> _logger;

    public DatabaseMigrator(IServiceScopeFactory scopeFactory, SqliteDatabaseLocation location, ILogger<DatabaseMigrator> logger)
    {
        _scopeFactory = scopeFactory;
        _location = location;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_location.FilePath is { } path && Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var scope = _scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            Log.Migrating(_logger, pending.Count, pending[^1]);
            await db.Database.MigrateAsync(cancellationToken);
        }

        Log.DatabaseReady(_logger, pending.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Applying {Count} database migration(s), up to {LastMigration}")]
        public static partial void Migrating(ILogger logger, int count, string lastMigration);

        [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Database ready ({Count} migration(s) applied at start-up)")]
        public static partial void DatabaseReady(ILogger logger, int count);
    }
}

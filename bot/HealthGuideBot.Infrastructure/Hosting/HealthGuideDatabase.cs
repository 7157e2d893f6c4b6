using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Infrastructure.Hosting;

/// <summary>The bot's database for commands that build the bot's services without starting the server.</summary>
public static class HealthGuideDatabase
{
    /// <summary>Creates and migrates the database as the start-up migrator would (services from <c>AddHealthGuideStorage</c>).</summary>
    public static Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        ActivatorUtilities.CreateInstance<DatabaseMigrator>(services).StartAsync(cancellationToken);
}

using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.BotFramework.Proactive;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Feedback;
using HealthGuideBot.Infrastructure.Audit;
using HealthGuideBot.Infrastructure.Feedback;
using HealthGuideBot.Infrastructure.Dialogs;
using HealthGuideBot.Infrastructure.Persistence;
using HealthGuideBot.Infrastructure.Proactive;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace HealthGuideBot.Infrastructure.Hosting;

/// <summary>Registers the bot's database and the stores built on it.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SQLite database (connection string <c>ConnectionStrings:HealthGuideBot</c>, by default
    /// <c>data/healthguidebot.db</c> under the content root, WAL, created and migrated at start-up), the scoped
    /// <see cref="IDialogStateStore"/>, <see cref="IConversationReferenceStore"/> and <see cref="IAuditLog"/>.
    /// </summary>
    public static IServiceCollection AddHealthGuideStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetConnectionString(SqliteDatabaseLocation.ConnectionStringName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => SqliteDatabaseLocation.Resolve(
            configured,
            sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory));
        // One gate for the database file: this process's writers queue on it asynchronously (SqliteWriteGate).
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<IDatabaseWriterQueue>(sp => sp.GetRequiredService<SqliteWriteGate>());
        // Pooled: a turn's scope leases a context that is reset and reused, instead of building the options and a new
        // context for every turn (about 3% of the answer path's CPU under load); every service the options use is a
        // singleton, and the context keeps no state of its own.
        services.AddDbContextPool<SqliteHealthGuideDbContext>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<SqliteDatabaseLocation>().ConnectionString)
            .ReplaceService<IMigrationsAssembly, MetadataMigrationsAssembly>() // memory: finds migrations without loading every type
            .AddInterceptors(new SqliteConnectionPragmas(), sp.GetRequiredService<SqliteWriteGate>()));
        services.AddScoped<HealthGuideDbContext>(sp => sp.GetRequiredService<SqliteHealthGuideDbContext>());

        services.AddScoped<EfDialogStateStore>();
        if (configuration.GetValue("HealthGuideBot:Storage:CacheAbsentDialogs", defaultValue: true))
        {
            services.AddSingleton<AbsentDialogCache>();
            services.AddScoped<IDialogStateStore>(sp => new CachingDialogStateStore(sp.GetRequiredService<EfDialogStateStore>(), sp.GetRequiredService<AbsentDialogCache>()));
        }
        else
        {
            services.AddScoped<IDialogStateStore>(sp => sp.GetRequiredService<EfDialogStateStore>());
        }
        services.AddScoped<IConversationReferenceStore, EfConversationReferenceStore>();
        services.AddScoped<IAuditLog, EfAuditLog>();
        services.AddScoped<IAnswerFeedbackStore, EfAnswerFeedbackStore>();
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }
}

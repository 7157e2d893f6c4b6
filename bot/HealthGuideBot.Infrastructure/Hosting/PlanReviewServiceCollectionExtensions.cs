using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Core.HealthcarePlans.Reviews;
using HealthGuideBot.Core.Notifications;
using HealthGuideBot.Infrastructure.Notifications;
using HealthGuideBot.Infrastructure.Persistence;
using HealthGuideBot.Infrastructure.Reviews;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace HealthGuideBot.Infrastructure.Hosting;

/// <summary>Registers the review schedule, the proactive staff notifier and the persistent Quartz scheduler.</summary>
public static class PlanReviewServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="PlanReviewOptions"/> (<c>HealthGuideBot:Reviews</c>), <see cref="ProactiveNotificationOptions"/>
    /// (<c>HealthGuideBot:Proactive</c>), the scoped <see cref="IPlanReviewScheduler"/>, <see cref="IPlanReviewScheduleStore"/>
    /// and <see cref="IStaffNotifier"/>. Needs <c>AddHealthGuideStorage</c> and an <c>IConnectorClient</c>.
    /// </summary>
    public static IServiceCollection AddPlanReviewStorage(this IServiceCollection services)
    {
        services.AddOptions<PlanReviewOptions>().BindConfiguration(PlanReviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProactiveNotificationOptions>().BindConfiguration(ProactiveNotificationOptions.Section);
        services.AddScoped<EfPlanReviewScheduleStore>();
        services.AddScoped<IPlanReviewScheduler>(sp => sp.GetRequiredService<EfPlanReviewScheduleStore>());
        services.AddScoped<IPlanReviewScheduleStore>(sp => sp.GetRequiredService<EfPlanReviewScheduleStore>());
        services.AddScoped<IStaffNotifier, ProactiveStaffNotifier>();
        return services;
    }

    /// <summary>
    /// Adds Quartz.NET with its persistent (ADO.NET) job store in the bot's own SQLite database, whose tables Quartz
    /// creates at start-up when they are missing (a fresh machine needs nothing but <c>dotnet run</c>), and the hosted
    /// service that runs it after the application has started (after the database migrator).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration (<c>ConnectionStrings:HealthGuideBot</c>).</param>
    /// <param name="contentRootPath">Where a relative database path is resolved from.</param>
    /// <param name="configure">The jobs and triggers.</param>
    public static IServiceCollection AddPersistentScheduler(this IServiceCollection services, IConfiguration configuration, string contentRootPath, Action<IQuartzBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(configure);
        var location = SqliteDatabaseLocation.Resolve(configuration.GetConnectionString(SqliteDatabaseLocation.ConnectionStringName), contentRootPath);
        services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                store.UseSqlite(location.ConnectionString);
                store.ProvisionSchema();
            });
            configure(quartz);
        });
        services.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
            options.AwaitApplicationStarted = true;
        });
        return services;
    }
}

using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Infrastructure.HealthcarePlans;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthGuideBot.Infrastructure.Hosting;

/// <summary>Registers the healthcare plan store (on the database added by <c>AddHealthGuideStorage</c>).</summary>
public static class HealthcarePlanStorageServiceCollectionExtensions
{
    /// <summary>Adds the scoped <see cref="IHealthcarePlanStore"/>; calling it twice is harmless.</summary>
    public static IServiceCollection AddHealthcarePlanStorage(this IServiceCollection services)
    {
        services.TryAddScoped<IHealthcarePlanStore, EfHealthcarePlanStore>();
        return services;
    }
}

using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Host.Conversations.HealthcarePlans;
using HealthGuideBot.Infrastructure.HealthcarePlans;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Host.Hosting;

/// <summary>What a plan produces and how staff see it: documents, the plan lookup and acknowledgements.</summary>
internal static class HealthcarePlanViewsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IPlanDocuments"/> (OpenXml, with the school's name), <see cref="PlanLookupConversation"/>,
    /// and <see cref="PlanAcknowledgementRequests"/> as an <see cref="IPlanSavedHandler"/>, run in the background by
    /// <see cref="PlanSavedQueue"/>. Needs the staff and
    /// pupil directories, the access policy and gate, <see cref="IHealthcarePlanStore"/> and
    /// <see cref="Core.Notifications.IStaffNotifier"/>, registered by their own features. The two scoped services are
    /// built by factories so the host starts (and development-time validation passes) while one of those features is
    /// not registered; a plan lookup then fails at that turn with the usual apology.
    /// </summary>
    public static IServiceCollection AddHealthcarePlanViews(this IServiceCollection services)
    {
        services.TryAddSingleton<IPlanDocuments>(sp => new OpenXmlPlanDocuments(sp.GetRequiredService<IOptions<HealthGuideBotOptions>>().Value.School.Name));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<PlanLookupConversation>(sp));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<PlanAcknowledgementRequests>(sp));
        services.AddScoped<IPlanSavedHandler>(sp => sp.GetRequiredService<PlanAcknowledgementRequests>());
        services.TryAddSingleton<PlanSavedQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<PlanSavedQueue>());
        return services;
    }
}

using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.Infrastructure.Hosting;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>Registers the healthcare plan form.</summary>
internal static class HealthcarePlanFormsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the plan form dialog, its conversation and the plan store. The form also needs, from elsewhere:
    /// the roster and the audited gate (<c>AddHealthGuideAccess</c>), and at Submit
    /// <see cref="Core.HealthcarePlans.IPlanDocuments"/> and <see cref="Core.HealthcarePlans.IPlanReviewScheduler"/>.
    /// </summary>
    public static IServiceCollection AddHealthcarePlanForms(this IServiceCollection services)
    {
        services.AddHealthcarePlanStorage();
        services.AddDialog<PlanFormDialog>();
        services.AddScoped<PlanFormLaunch>();
        services.AddScoped<PlanFormConversation>();
        return services;
    }
}

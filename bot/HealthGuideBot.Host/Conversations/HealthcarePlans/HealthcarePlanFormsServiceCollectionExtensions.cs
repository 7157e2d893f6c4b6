using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>Registers the healthcare plan form.</summary>
internal static class HealthcarePlanFormsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the plan form dialog, its conversation and the plan store. The form also needs, from elsewhere:
    /// <see cref="Core.Pupils.IPupilDirectory"/> and <see cref="IStaffDirectory"/> (the roster), and at Submit
    /// <see cref="Core.HealthcarePlans.IPlanDocuments"/> and <see cref="Core.HealthcarePlans.IPlanReviewScheduler"/>.
    /// </summary>
    public static IServiceCollection AddHealthcarePlanForms(this IServiceCollection services)
    {
        services.AddHealthcarePlanStorage();
        services.TryAddSingleton<IAccessPolicy, PupilAccessPolicy>();
        services.TryAddScoped<PupilRecordGate>();
        services.AddDialog<PlanFormDialog>();
        services.AddScoped<PlanFormLaunch>();
        services.AddScoped<PlanFormConversation>();
        return services;
    }
}

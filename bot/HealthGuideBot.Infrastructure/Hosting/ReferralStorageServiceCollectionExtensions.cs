using HealthGuideBot.Core.Referrals;
using HealthGuideBot.Infrastructure.Referrals;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Infrastructure.Hosting;

/// <summary>Registers the referral store (the bot's database, with the filing outbox) and the referral document builder.</summary>
public static class ReferralStorageServiceCollectionExtensions
{
    public static IServiceCollection AddReferralStorage(this IServiceCollection services)
    {
        services.AddScoped<IReferralStore, EfReferralStore>();
        services.AddSingleton<IReferralDocuments, OpenXmlReferralDocuments>();
        return services;
    }
}

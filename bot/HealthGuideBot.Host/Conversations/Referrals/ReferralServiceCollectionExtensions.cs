using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.Infrastructure.Hosting;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Host.Conversations.Referrals;

/// <summary>Registers referrals by conversation: question sets, the dialog, the entry routes' conversation, the store and the document builder.</summary>
internal static class ReferralServiceCollectionExtensions
{
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddOptions<ReferralOptions>().BindConfiguration(ReferralOptions.Section);
        services.AddSingleton(sp => ReferralQuestionSetLoader.Load(
            sp.GetRequiredService<IOptions<ReferralOptions>>().Value.QuestionSetFolder,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddScoped<ReferralStart>();
        services.AddScoped<ReferralConversation>();
        services.AddScoped<ReferralFilings>();
        services.AddDialog<ReferralDialog>();
        services.AddReferralStorage();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>Registers inbound authentication.</summary>
public static class AuthenticationServiceCollectionExtensions
{
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services)
    {
        services.TryAddSingleton<IBotAuthenticator, InterimLoopbackAuthenticator>();
        return services;
    }
}

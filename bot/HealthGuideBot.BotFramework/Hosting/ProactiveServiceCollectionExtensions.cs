using HealthGuideBot.BotFramework.Proactive;
using HealthGuideBot.BotFramework.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthGuideBot.BotFramework.Hosting;

/// <summary>Registers <see cref="IProactiveMessenger"/>; it needs an <c>IConnectorClient</c> in the container.</summary>
public static class ProactiveServiceCollectionExtensions
{
    public static IServiceCollection AddProactiveMessaging(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IProactiveMessenger, ProactiveMessenger>();
        return services;
    }
}

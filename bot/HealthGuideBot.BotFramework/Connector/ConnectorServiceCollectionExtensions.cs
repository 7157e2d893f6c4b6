using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>Registers the connector client.</summary>
public static class ConnectorServiceCollectionExtensions
{
    public static IServiceCollection AddBotFrameworkConnector(this IServiceCollection services)
    {
        services.AddHttpClient(InterimConnectorClient.HttpClientName);
        services.TryAddSingleton<IConnectorClient, InterimConnectorClient>();
        return services;
    }
}

using System.Net;
using HealthGuideBot.BotFramework.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>Registers the outbound connector client, its token and its rate limiter.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IConnectorClient"/> (singleton) over a pooled named <see cref="HttpClient"/>, the bot's
    /// token for the configured <see cref="BotAppType"/> (none when authentication is disabled), the rate limiter and
    /// <see cref="ConnectorOptions"/> (validated at start-up; the host binds <see cref="ConnectorOptions.SectionName"/>).
    /// Needs <see cref="BotFrameworkOptions"/> to be configured. Redirects are never followed, so a token cannot be
    /// carried to a host off the allow-list.
    /// </summary>
    public static IServiceCollection AddBotFrameworkConnector(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<ConnectorOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectorOptions>, ConnectorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRetryJitter, CryptoRetryJitter>();
        services.TryAddSingleton(_ => ManagedIdentityEnvironment.FromProcess());

        services.AddHttpClient(ConnectorClient.HttpClientName)
            .ConfigureHttpClient((provider, client) =>
            {
                client.Timeout = provider.GetRequiredService<IOptions<ConnectorOptions>>().Value.RequestTimeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("HealthGuideBot/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Re-resolve DNS every few minutes without dropping the pool (the factory's own rotation is off).
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
                MaxConnectionsPerServer = 256,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.None,
                EnableMultipleHttp2Connections = true,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.AddHttpClient(ClientCredentialsTokenSource.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AllowAutoRedirect = false,
                UseCookies = false,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.AddHttpClient(ManagedIdentityTokenSource.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // The identity endpoint is link-local or on the host: never through a proxy.
                UseProxy = false,
                AllowAutoRedirect = false,
                UseCookies = false,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<ConnectorRateLimiter>();
        services.TryAddSingleton<IBotTokenProvider>(CreateTokenProvider);
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();
        return services;
    }

    private static IBotTokenProvider CreateTokenProvider(IServiceProvider provider)
    {
        BotFrameworkOptions options = provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        if (options.IsAuthenticationDisabled)
        {
            return new UnauthenticatedBotTokenProvider();
        }

        IBotTokenSource source = options.AppType switch
        {
            BotAppType.UserAssignedMSI => ActivatorUtilities.CreateInstance<ManagedIdentityTokenSource>(provider),
            _ => ActivatorUtilities.CreateInstance<ClientCredentialsTokenSource>(provider),
        };

        return new CachingBotTokenProvider(
            source,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IRetryJitter>(),
            provider.GetRequiredService<ILogger<CachingBotTokenProvider>>());
    }
}

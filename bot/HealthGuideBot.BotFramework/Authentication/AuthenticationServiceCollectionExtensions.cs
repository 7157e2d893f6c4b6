using HealthGuideBot.BotFramework.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>Registers inbound authentication; called from <c>AddBotFramework</c>.</summary>
internal static class AuthenticationServiceCollectionExtensions
{
    /// <summary>Largest OpenID metadata or JWKS document accepted (Microsoft's are a few KB).</summary>
    private const long MaxMetadataDocumentBytes = 512 * 1024;

    /// <summary>
    /// Adds <see cref="IBotAuthenticator"/> (the real <see cref="BotFrameworkAuthenticator"/>, or
    /// <see cref="UnauthenticatedDevelopmentAuthenticator"/> when <see cref="BotFrameworkOptions.IsAuthenticationDisabled"/>),
    /// the <see cref="OpenIdKeyCache"/> with its named <see cref="HttpClient"/>, and the options validator, checked at
    /// start-up. Options binding is the caller's.
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BotFrameworkOptions>().ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>());

        services.AddHttpClient(OpenIdKeyCache.HttpClientName, static client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = MaxMetadataDocumentBytes;
        });
        services.TryAddSingleton<OpenIdKeyCache>();

        services.TryAddSingleton<IBotAuthenticator>(static provider =>
            provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.IsAuthenticationDisabled
                ? ActivatorUtilities.CreateInstance<UnauthenticatedDevelopmentAuthenticator>(provider)
                : ActivatorUtilities.CreateInstance<BotFrameworkAuthenticator>(provider));

        return services;
    }
}

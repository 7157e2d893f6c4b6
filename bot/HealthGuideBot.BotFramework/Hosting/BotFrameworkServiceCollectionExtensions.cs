using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthGuideBot.BotFramework.Hosting;

/// <summary>The hosting pair of the protocol library: <c>AddBotFramework</c> and <c>MapBotMessages</c>.</summary>
public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Registers the protocol: inbound authentication, the connector client, the endpoint pipeline and the bot.
    /// <paramref name="configure"/> fills the options (the host binds them from configuration); they are validated
    /// at start-up and an unsafe combination stops the process with one message.
    /// </summary>
    public static IServiceCollection AddBotFramework<TBot>(this IServiceCollection services, Action<BotFrameworkOptions> configure)
        where TBot : class, IBot
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BotFrameworkOptions>().Configure(configure).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddBotFrameworkAuthentication();
        services.AddBotFrameworkConnector();
        services.TryAddSingleton<ActivityDeduplicator>();
        services.TryAddSingleton<ConversationTurnQueue>();
        services.TryAddSingleton<BotMessagesEndpoint>();
        services.TryAddSingleton<IBot, TBot>();
        services.AddHostedService<LoopbackOnlyGuard>();
        return services;
    }

    /// <summary>Maps <c>POST {pattern}</c> (default <c>/api/messages</c>); other methods get 405.</summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapMethods(pattern, ["GET", "PUT", "DELETE", "PATCH", "HEAD"], static (HttpContext http) =>
        {
            http.Response.Headers.Allow = "POST";
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        }).ExcludeFromDescription();
        return endpoints.MapPost(pattern, static (HttpContext http, BotMessagesEndpoint endpoint) => endpoint.HandleAsync(http))
            .ExcludeFromDescription();
    }
}

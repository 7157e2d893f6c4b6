using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.BotFramework.Schema;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>
/// Accepts every request as <see cref="BotCaller.UnauthenticatedDevelopment"/>. Exists only for local development with
/// no app id, in the Development environment, bound to loopback (security.md §0.5, test A22); it refuses to be built
/// in any other situation, whatever the container was told.
/// </summary>
internal sealed partial class UnauthenticatedDevelopmentAuthenticator : IBotAuthenticator
{
    public UnauthenticatedDevelopmentAuthenticator(
        IOptions<BotFrameworkOptions> options,
        IHostEnvironment environment,
        ILogger<UnauthenticatedDevelopmentAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (!options.Value.IsAuthenticationDisabled || !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Unauthenticated requests are allowed only in the Development environment, with no MicrosoftAppId and " +
                "DangerouslyAllowUnauthenticatedLoopbackRequests set.");
        }

        Log.AuthenticationDisabled(logger);
    }

    public ValueTask<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AuthenticationOutcome.Success(BotCaller.UnauthenticatedDevelopment));

    public AuthenticationOutcome AuthorizeActivity(BotCaller caller, Activity activity) =>
        caller == BotCaller.UnauthenticatedDevelopment
            ? AuthenticationOutcome.Success(caller)
            : AuthenticationOutcome.Forbidden(AuthenticationReasons.CallerKindNotAccepted);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1130, Level = LogLevel.Warning,
            Message = "AUTHENTICATION IS OFF: every request to /api/messages is trusted. Development on loopback only.")]
        public static partial void AuthenticationDisabled(ILogger logger);
    }
}

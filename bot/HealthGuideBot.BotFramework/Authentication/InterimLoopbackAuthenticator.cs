using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>Accepts requests only in unauthenticated development mode; refuses all others (replaced by the real authenticator).</summary>
internal sealed class InterimLoopbackAuthenticator(IOptions<BotFrameworkOptions> options) : IBotAuthenticator
{
    public ValueTask<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken) =>
        ValueTask.FromResult(options.Value.IsAuthenticationDisabled && authorizationHeader is null
            ? AuthenticationOutcome.Success(BotCaller.UnauthenticatedDevelopment)
            : AuthenticationOutcome.Unauthorized("not-configured"));

    public AuthenticationOutcome AuthorizeActivity(BotCaller caller, Activity activity) => AuthenticationOutcome.Success(caller);
}

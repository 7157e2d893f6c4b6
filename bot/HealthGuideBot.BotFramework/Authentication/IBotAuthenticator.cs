using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>
/// Inbound authentication of <c>POST /api/messages</c> in two steps, because the pipeline authenticates before it
/// parses the body (security.md §6): first the <c>Authorization</c> header alone, then, once the body is parsed,
/// the claims that must agree with the activity (<c>serviceurl</c>, endorsement of the channel id).
/// </summary>
public interface IBotAuthenticator
{
    /// <summary>Validates the header's bearer token: scheme, signature, algorithm, issuer, audience, lifetime.</summary>
    ValueTask<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken);

    /// <summary>Checks the authenticated caller against the parsed activity (serviceurl claim, endorsements).</summary>
    AuthenticationOutcome AuthorizeActivity(BotCaller caller, Activity activity);
}

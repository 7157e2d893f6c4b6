using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>
/// Authenticates <c>POST /api/messages</c> against exactly two token families (security.md §1.1, §6): Bot Framework
/// channel tokens and Entra tokens of the school's tenant, both with <c>aud</c> = the bot's app id. No emulator path,
/// no skill path, no anonymous path.
/// </summary>
/// <remarks>
/// Order: bearer scheme → size → parse → algorithm allow-list → issuer routing (unvalidated <c>iss</c>, only to pick the
/// key set) → key by <c>kid</c> from the family's own metadata (never <c>jku</c>/<c>x5u</c>/<c>jwk</c>) → full
/// validation (signature, exact issuer, audience, lifetime with 5 minutes of skew on the injected clock) → family
/// rules. Every failure is logged once with a fixed reason code, the issuer and the audience; never the token.
/// </remarks>
internal sealed partial class BotFrameworkAuthenticator : IBotAuthenticator
{
    /// <summary>Clock skew allowed on <c>nbf</c> and <c>exp</c>, as in every SDK and the spec.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const int MaxTokenLength = 16 * 1024;
    private const int MaxLoggedClaimLength = 128;
    private const string BotFrameworkAudienceUrl = "https://api.botframework.com";
    private const string AnonymousSkillAppId = "AnonymousSkill";

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotFrameworkOptions options;
    private readonly TrustedIssuers issuers;
    private readonly OpenIdKeyCache keyCache;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<BotFrameworkAuthenticator> logger;
    private readonly JsonWebTokenHandler tokenHandler = new() { MapInboundClaims = false };
    private readonly HashSet<string> allowedCallers;

    public BotFrameworkAuthenticator(
        IOptions<BotFrameworkOptions> options,
        OpenIdKeyCache keyCache,
        TimeProvider timeProvider,
        ILogger<BotFrameworkAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        if (string.IsNullOrEmpty(this.options.AppId))
        {
            throw new InvalidOperationException(
                "BotFrameworkAuthenticator needs MicrosoftAppId; without it use the unauthenticated development mode.");
        }

        issuers = TrustedIssuers.Create(this.options);
        this.keyCache = keyCache;
        this.timeProvider = timeProvider;
        this.logger = logger;
        allowedCallers = new HashSet<string>(this.options.AllowedCallers, StringComparer.OrdinalIgnoreCase);
    }

    public async ValueTask<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            return Fail(AuthenticationOutcome.Unauthorized(AuthenticationReasons.MissingAuthorizationHeader), null);
        }

        // Exactly "Bearer <token>": one space, two parts, the scheme spelt as the spec spells it.
        var parts = authorizationHeader.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.Ordinal) || parts[1].Length == 0)
        {
            return Fail(AuthenticationOutcome.Unauthorized(AuthenticationReasons.InvalidAuthorizationScheme), null);
        }

        var token = parts[1];
        if (token.Length > MaxTokenLength)
        {
            return Fail(AuthenticationOutcome.Unauthorized(AuthenticationReasons.TokenTooLarge), null);
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = tokenHandler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return Fail(AuthenticationOutcome.Unauthorized(AuthenticationReasons.TokenMalformed), null);
        }

        if (!AllowedAlgorithms.Contains(unvalidated.Alg, StringComparer.Ordinal))
        {
            return Fail(AuthenticationOutcome.Unauthorized(AuthenticationReasons.AlgorithmNotAllowed), unvalidated);
        }

        var family = issuers.Classify(SafeIssuer(unvalidated));
        if (family is null)
        {
            return Fail(AuthenticationOutcome.Unauthorized(AuthenticationReasons.IssuerNotTrusted), unvalidated);
        }

        if (string.IsNullOrEmpty(unvalidated.Kid))
        {
            return Fail(AuthenticationOutcome.Unauthorized(AuthenticationReasons.MissingKeyId), unvalidated);
        }

        var lookup = await keyCache.GetSigningKeyAsync(family.MetadataUrl, unvalidated.Kid, cancellationToken);
        switch (lookup.Status)
        {
            case SigningKeyLookupStatus.Unavailable:
                return Fail(AuthenticationOutcome.Unavailable(AuthenticationReasons.SigningKeysUnavailable), unvalidated);
            case SigningKeyLookupStatus.NotFound:
                return Fail(AuthenticationOutcome.Unauthorized(AuthenticationReasons.UnknownSigningKey), unvalidated);
        }

        var signingKey = lookup.Key!; // Non-null: Status is Found.
        var result = await tokenHandler.ValidateTokenAsync(token, CreateValidationParameters(family, signingKey));
        if (!result.IsValid)
        {
            return Fail(AuthenticationOutcome.Unauthorized(ReasonFor(result.Exception)), unvalidated);
        }

        var validated = (JsonWebToken)result.SecurityToken;
        var outcome = family.Kind == BotCallerKind.BotFrameworkChannel
            ? CheckBotFrameworkToken(validated, signingKey)
            : CheckEntraToken(validated, signingKey, family);
        return outcome.Status == AuthenticationStatus.Authenticated ? outcome : Fail(outcome, validated);
    }

    public AuthenticationOutcome AuthorizeActivity(BotCaller caller, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(activity);

        var outcome = caller.Kind switch
        {
            BotCallerKind.BotFrameworkChannel => AuthorizeBotFrameworkActivity(caller, activity),
            BotCallerKind.Entra => AuthorizeEntraActivity(caller, activity),
            _ => AuthenticationOutcome.Forbidden(AuthenticationReasons.CallerKindNotAccepted),
        };

        if (outcome.Status != AuthenticationStatus.Authenticated)
        {
            Log.ActivityAuthorizationFailed(logger, outcome.Reason, caller.Kind, Truncate(activity.ChannelId));
        }

        return outcome;
    }

    private static AuthenticationOutcome AuthorizeBotFrameworkActivity(BotCaller caller, Activity activity)
    {
        if (!ServiceUrlComparer.AreEquivalent(caller.ServiceUrlClaim, activity.ServiceUrl))
        {
            return AuthenticationOutcome.Unauthorized(AuthenticationReasons.ServiceUrlMismatch);
        }

        // Unlike botbuilder, an empty channel id is not "no assertion" (security.md §1.1, test A19).
        if (string.IsNullOrEmpty(activity.ChannelId))
        {
            return AuthenticationOutcome.Forbidden(AuthenticationReasons.ChannelIdMissing);
        }

        return caller.Endorsements.Contains(activity.ChannelId, StringComparer.Ordinal)
            ? AuthenticationOutcome.Success(caller)
            : AuthenticationOutcome.Forbidden(AuthenticationReasons.ChannelNotEndorsed);
    }

    private AuthenticationOutcome AuthorizeEntraActivity(BotCaller caller, Activity activity)
    {
        if (string.IsNullOrEmpty(activity.ChannelId))
        {
            return AuthenticationOutcome.Forbidden(AuthenticationReasons.ChannelIdMissing);
        }

        // Entra tokens carry no serviceurl claim and Entra keys no endorsements: the host allow-list is what stops a
        // token-holder from steering the bot's replies (and its outbound token) to a host of their choosing.
        return ServiceUrlAllowList.IsAllowed(activity.ServiceUrl, options)
            ? AuthenticationOutcome.Success(caller)
            : AuthenticationOutcome.Forbidden(AuthenticationReasons.ServiceUrlNotAllowed);
    }

    private TokenValidationParameters CreateValidationParameters(TokenFamily family, SigningKey signingKey) => new()
    {
        ValidIssuers = family.Issuers,
        ValidateIssuer = true,
        ValidAudience = options.AppId,
        ValidateAudience = true,
        ValidAlgorithms = AllowedAlgorithms,
        IssuerSigningKeys = [signingKey.Key],
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = false, // A bare RSA key from the JWKS: no certificate lifetime to check.
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = ValidateLifetime,
        SaveSigninToken = false,
    };

    /// <summary>Lifetime on the injected clock (the handler's own check reads the system clock).</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no exp claim.");
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (notBefore is { } nbf && nbf > expires.Value)
        {
            throw new SecurityTokenInvalidLifetimeException("The token's nbf is after its exp.");
        }

        if (notBefore is { } start && start > now + parameters.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not yet valid.") { NotBefore = start };
        }

        if (expires.Value < now - parameters.ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }

        return true;
    }

    private static AuthenticationOutcome CheckBotFrameworkToken(JsonWebToken token, SigningKey signingKey)
    {
        if (!token.TryGetPayloadValue<string>("serviceurl", out var serviceUrl) || string.IsNullOrEmpty(serviceUrl))
        {
            return AuthenticationOutcome.Unauthorized(AuthenticationReasons.MissingServiceUrlClaim);
        }

        if (IsSkillShaped(token))
        {
            return AuthenticationOutcome.Unauthorized(AuthenticationReasons.SkillToken);
        }

        return AuthenticationOutcome.Success(new BotCaller(
            BotCallerKind.BotFrameworkChannel, CallerAppId(token), serviceUrl, signingKey.Endorsements, TenantId: null));
    }

    /// <remarks>
    /// The skill-token rule (security.md §1.3, tests A14 and A15). A token is "skill-shaped" when botbuilder's
    /// <c>IsSkillClaim</c> would say so: <c>appid</c> = <c>AnonymousSkill</c>, or a <c>ver</c> claim, an <c>aud</c> other
    /// than <c>https://api.botframework.com</c> and a caller app id (<c>azp</c>/<c>appid</c>) other than <c>aud</c>.
    /// But an Entra token minted for us by the Bot Service (or any other legitimate caller) has exactly that shape:
    /// <c>ver</c>, <c>aud</c> = our app id, <c>azp</c> = the caller. The Agents SDK and teams.net therefore decide Entra
    /// tokens by the caller's identity (<c>AllowedCallers</c>; teams.net: one platform app id), not by shape. Our rule:
    /// <list type="bullet">
    /// <item>Bot Framework tokens: skill-shaped → 401, always (real channel tokens carry no caller app id).</item>
    /// <item>Entra tokens with <see cref="BotFrameworkOptions.AllowedCallers"/> configured: the caller must be on it
    /// (else 403); a listed caller is a channel we chose to trust, so its shape does not matter.</item>
    /// <item>Entra tokens with no <c>AllowedCallers</c>: skill-shaped → 401. Only tokens whose caller is the bot itself
    /// pass; nobody can pick a skill path, and no third-party app is trusted by default.</item>
    /// </list>
    /// </remarks>
    private AuthenticationOutcome CheckEntraToken(JsonWebToken token, SigningKey signingKey, TokenFamily family)
    {
        // tid must be the tenant in the issuer, which is the configured tenant (Agents: IsTenantIdIssuerValid).
        if (!token.TryGetPayloadValue<string>("tid", out var tenantId)
            || !string.Equals(tenantId, family.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Unauthorized(AuthenticationReasons.TenantMismatch);
        }

        // The key must be one Entra issues for this tenant (Agents: EnableAadSigningKeyIssuerValidation).
        if (signingKey.Issuer is { } keyIssuer
            && !string.Equals(
                keyIssuer.Replace("{tenantid}", tenantId, StringComparison.OrdinalIgnoreCase),
                TrustedIssuers.EntraV2Issuer(issuers.EntraInstance, family.TenantId!), // Non-null: the Entra family has a tenant.
                StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticationOutcome.Unauthorized(AuthenticationReasons.SigningKeyIssuerMismatch);
        }

        var callerAppId = CallerAppId(token);
        if (allowedCallers.Count > 0)
        {
            if (callerAppId is null || !allowedCallers.Contains(callerAppId))
            {
                return AuthenticationOutcome.Forbidden(AuthenticationReasons.CallerNotAllowed);
            }
        }
        else if (IsSkillShaped(token))
        {
            return AuthenticationOutcome.Unauthorized(AuthenticationReasons.SkillToken);
        }

        return AuthenticationOutcome.Success(new BotCaller(BotCallerKind.Entra, callerAppId, null, [], tenantId));
    }

    private static bool IsSkillShaped(JsonWebToken token)
    {
        var callerAppId = CallerAppId(token);
        if (string.Equals(callerAppId, AnonymousSkillAppId, StringComparison.Ordinal))
        {
            return true;
        }

        var audience = token.Audiences.FirstOrDefault();
        return token.TryGetPayloadValue<object>("ver", out _)
            && !string.IsNullOrEmpty(audience)
            && !string.Equals(audience, BotFrameworkAudienceUrl, StringComparison.OrdinalIgnoreCase)
            && !string.IsNullOrEmpty(callerAppId)
            && !string.Equals(callerAppId, audience, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>v2 tokens name the caller in <c>azp</c>, v1 tokens in <c>appid</c>.</summary>
    private static string? CallerAppId(JsonWebToken token) =>
        token.TryGetPayloadValue<string>("azp", out var azp) && !string.IsNullOrEmpty(azp) ? azp
        : token.TryGetPayloadValue<string>("appid", out var appId) && !string.IsNullOrEmpty(appId) ? appId
        : null;

    private static string ReasonFor(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => AuthenticationReasons.TokenExpired,
        SecurityTokenNotYetValidException => AuthenticationReasons.TokenNotYetValid,
        SecurityTokenNoExpirationException => AuthenticationReasons.TokenMissingExpiry,
        SecurityTokenInvalidLifetimeException => AuthenticationReasons.TokenLifetimeInvalid,
        SecurityTokenInvalidAudienceException => AuthenticationReasons.AudienceInvalid,
        SecurityTokenInvalidIssuerException => AuthenticationReasons.IssuerInvalid,
        SecurityTokenInvalidAlgorithmException => AuthenticationReasons.AlgorithmNotAllowed,
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => AuthenticationReasons.SignatureInvalid,
        SecurityTokenMalformedException or ArgumentException => AuthenticationReasons.TokenMalformed,
        _ => AuthenticationReasons.TokenInvalid,
    };

    private AuthenticationOutcome Fail(AuthenticationOutcome outcome, JsonWebToken? token)
    {
        Log.AuthenticationFailed(
            logger,
            outcome.Reason,
            outcome.Status,
            token is null ? null : Truncate(SafeIssuer(token)),
            token is null ? null : Truncate(SafeAudience(token)));
        return outcome;
    }

    private static string? SafeIssuer(JsonWebToken token)
    {
        try
        {
            return token.Issuer;
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return null;
        }
    }

    private static string? SafeAudience(JsonWebToken token)
    {
        try
        {
            return string.Join(",", token.Audiences);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return null;
        }
    }

    /// <summary>Issuer, audience and channel id are caller-chosen strings: bound what reaches the log.</summary>
    private static string? Truncate(string? value) =>
        value is { Length: > MaxLoggedClaimLength } ? value[..MaxLoggedClaimLength] + "…" : value;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1100, Level = LogLevel.Warning,
            Message = "Inbound authentication failed: {Reason} ({Status}); issuer {Issuer}, audience {Audience}")]
        public static partial void AuthenticationFailed(
            ILogger logger, string reason, AuthenticationStatus status, string? issuer, string? audience);

        [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
            Message = "Inbound activity refused for its token: {Reason}; caller kind {CallerKind}, channel {ChannelId}")]
        public static partial void ActivityAuthorizationFailed(
            ILogger logger, string reason, BotCallerKind callerKind, string? channelId);
    }
}

namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>
/// The fixed reason codes of <see cref="AuthenticationOutcome.Reason"/>. They go to logs and tests; they never carry
/// the token, a claim value or anything a caller sent.
/// </summary>
internal static class AuthenticationReasons
{
    public const string MissingAuthorizationHeader = "missing-authorization-header";
    public const string InvalidAuthorizationScheme = "invalid-authorization-scheme";
    public const string TokenTooLarge = "token-too-large";
    public const string TokenMalformed = "token-malformed";
    public const string AlgorithmNotAllowed = "algorithm-not-allowed";
    public const string IssuerNotTrusted = "issuer-not-trusted";
    public const string MissingKeyId = "missing-key-id";
    public const string UnknownSigningKey = "unknown-signing-key";
    public const string SigningKeysUnavailable = "signing-keys-unavailable";
    public const string SignatureInvalid = "signature-invalid";
    public const string IssuerInvalid = "issuer-invalid";
    public const string AudienceInvalid = "audience-invalid";
    public const string TokenExpired = "token-expired";
    public const string TokenNotYetValid = "token-not-yet-valid";
    public const string TokenMissingExpiry = "token-missing-expiry";
    public const string TokenLifetimeInvalid = "token-lifetime-invalid";
    public const string TokenInvalid = "token-invalid";
    public const string MissingServiceUrlClaim = "missing-serviceurl-claim";
    public const string SkillToken = "skill-token";
    public const string TenantMismatch = "tenant-mismatch";
    public const string SigningKeyIssuerMismatch = "signing-key-issuer-mismatch";
    public const string CallerNotAllowed = "caller-not-allowed";
    public const string ServiceUrlMismatch = "service-url-mismatch";
    public const string ServiceUrlNotAllowed = "service-url-not-allowed";
    public const string ChannelIdMissing = "channel-id-missing";
    public const string ChannelNotEndorsed = "channel-not-endorsed";
    public const string CallerKindNotAccepted = "caller-kind-not-accepted";
}

namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>The answer of <see cref="OpenIdKeyCache.GetSigningKeyAsync"/>.</summary>
internal readonly record struct SigningKeyLookup(SigningKeyLookupStatus Status, SigningKey? Key)
{
    public static SigningKeyLookup NotFound { get; } = new(SigningKeyLookupStatus.NotFound, null);

    public static SigningKeyLookup Unavailable { get; } = new(SigningKeyLookupStatus.Unavailable, null);

    public static SigningKeyLookup Found(SigningKey key) => new(SigningKeyLookupStatus.Found, key);
}

namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>What <see cref="OpenIdKeyCache"/> could say about a <c>kid</c>.</summary>
internal enum SigningKeyLookupStatus
{
    Found,

    /// <summary>Keys are known, but none has this <c>kid</c> (even after the permitted refresh): 401.</summary>
    NotFound,

    /// <summary>No keys could ever be fetched for this metadata document: 503, never fail open.</summary>
    Unavailable,
}

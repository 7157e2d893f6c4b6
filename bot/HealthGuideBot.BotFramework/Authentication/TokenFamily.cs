namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>One of the two inbound token families (security.md §1.1): where its keys live and which issuers it has.</summary>
/// <param name="Kind">Bot Framework channel or Entra.</param>
/// <param name="MetadataUrl">The OpenID metadata document whose JWKS signs this family's tokens.</param>
/// <param name="Issuers">The exact <c>iss</c> values accepted.</param>
/// <param name="TenantId">For Entra: the one tenant whose tokens are accepted (lower-case GUID).</param>
internal sealed record TokenFamily(BotCallerKind Kind, Uri MetadataUrl, IReadOnlyList<string> Issuers, string? TenantId);

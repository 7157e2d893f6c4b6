using Microsoft.IdentityModel.Tokens;

namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>A public key from an OpenID JWKS document, with the Bot Framework extras kept.</summary>
/// <param name="KeyId">The <c>kid</c> that tokens name.</param>
/// <param name="Key">The RSA public key.</param>
/// <param name="Endorsements">The channels the key is endorsed for (Bot Framework keys); empty for Entra keys.</param>
/// <param name="Issuer">The key's <c>issuer</c> member (Entra keys), possibly templated with <c>{tenantid}</c>.</param>
internal sealed record SigningKey(string KeyId, SecurityKey Key, IReadOnlyList<string> Endorsements, string? Issuer);

using System.Globalization;
using HealthGuideBot.BotFramework.Hosting;

namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>
/// The issuers, metadata documents and Entra authority of the configured cloud. Exactly two token families are
/// trusted (security.md §1.1, §6): Bot Framework channel tokens and Entra tokens of the school's own tenant.
/// </summary>
/// <remarks>
/// The fixed Microsoft tenants the SDKs also trust (d6d49420-… "botframework.com", f8cdef31-…, 69e9b82d-… and the Gov
/// cab8a31a-…) are deliberately NOT accepted. They exist for multi-tenant registrations, which can no longer be
/// created (security.md §0.6); HealthGuideBot is single-tenant or a managed identity, so a legitimate token for its
/// app id is issued by its own tenant. Accepting them would let the bot's own outbound Bot Connector token
/// (<c>iss=sts.windows.net/d6d49420…/</c>) reach the audience check at all, which is exactly the legacy emulator hole
/// (§1.4). If Microsoft ever issues channel tokens from those tenants, add them here explicitly, still with
/// <c>aud</c> = app id.
/// </remarks>
internal sealed class TrustedIssuers
{
    public const string PublicBotFrameworkIssuer = "https://api.botframework.com";
    public const string GovernmentBotFrameworkIssuer = "https://api.botframework.us";
    public const string PublicBotFrameworkMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string GovernmentBotFrameworkMetadataUrl = "https://login.botframework.azure.us/v1/.well-known/openidconfiguration";
    public const string PublicEntraInstance = "https://login.microsoftonline.com";
    public const string GovernmentEntraInstance = "https://login.microsoftonline.us";


    private TrustedIssuers(TokenFamily botFramework, TokenFamily? entra, string entraInstance)
    {
        BotFramework = botFramework;
        Entra = entra;
        EntraInstance = entraInstance;
    }

    public TokenFamily BotFramework { get; }

    /// <summary>The Entra family, or null when no tenant id is configured (then Entra tokens are refused).</summary>
    public TokenFamily? Entra { get; }

    /// <summary><c>https://login.microsoftonline.com</c> or its Gov counterpart, without a trailing slash.</summary>
    public string EntraInstance { get; }

    public static TrustedIssuers Create(BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var government = options.Cloud == BotCloud.Government;

        var botFramework = new TokenFamily(
            BotCallerKind.BotFrameworkChannel,
            options.BotFrameworkOpenIdMetadataUrl
                ?? new Uri(government ? GovernmentBotFrameworkMetadataUrl : PublicBotFrameworkMetadataUrl),
            [government ? GovernmentBotFrameworkIssuer : PublicBotFrameworkIssuer],
            TenantId: null);

        var entraInstance = government ? GovernmentEntraInstance : PublicEntraInstance;
        TokenFamily? entra = null;
        if (Guid.TryParse(options.AppTenantId, out var tenantGuid))
        {
            var tenantId = tenantGuid.ToString("D", CultureInfo.InvariantCulture);
            entra = new TokenFamily(
                BotCallerKind.Entra,
                options.EntraOpenIdMetadataUrl
                    ?? new Uri($"{entraInstance}/{tenantId}/v2.0/.well-known/openid-configuration"),
                [EntraV1Issuer(tenantId), EntraV2Issuer(entraInstance, tenantId)],
                tenantId);
        }

        return new TrustedIssuers(botFramework, entra, entraInstance);
    }

    /// <summary>The v1 issuer of <paramref name="tenantId"/>: <c>sts.windows.net</c> in both clouds.</summary>
    public static string EntraV1Issuer(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    /// <summary>The v2 issuer of <paramref name="tenantId"/> in the given Entra instance.</summary>
    public static string EntraV2Issuer(string entraInstance, string tenantId) => $"{entraInstance}/{tenantId}/v2.0";

    /// <summary>
    /// Picks the family from the UNVALIDATED <c>iss</c>, only to know which keys to fetch; the token is then fully
    /// validated against that family. Exact, ordinal comparison: anything else is not ours.
    /// </summary>
    public TokenFamily? Classify(string? issuer)
    {
        if (string.IsNullOrEmpty(issuer))
        {
            return null;
        }

        if (BotFramework.Issuers.Contains(issuer, StringComparer.Ordinal))
        {
            return BotFramework;
        }

        return Entra is not null && Entra.Issuers.Contains(issuer, StringComparer.Ordinal) ? Entra : null;
    }
}

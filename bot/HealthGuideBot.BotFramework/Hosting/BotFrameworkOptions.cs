namespace HealthGuideBot.BotFramework.Hosting;

/// <summary>How the bot's Entra app registration is set up (Azure Bot Service's <c>MicrosoftAppType</c>).</summary>
public enum BotAppType
{
    /// <summary>Client id, secret and the school's tenant id; tokens from <c>login.microsoftonline.com/{tenant}</c>.</summary>
    SingleTenant,

    /// <summary>A user-assigned managed identity: client id and tenant id, and no secret.</summary>
    UserAssignedMSI,
}

/// <summary>Which cloud the bot lives in.</summary>
public enum BotCloud
{
    Public,
    Government,
}

/// <summary>
/// Settings of the protocol library. The host binds the Azure Bot Service keys users already know
/// (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>) and the
/// allow-lists into it; <c>BotFrameworkOptionsValidator</c> refuses unsafe combinations at start-up.
/// </summary>
public sealed class BotFrameworkOptions
{
    /// <summary>The default outbound host allow-list: Microsoft's documented Bot Service and Teams hosts.</summary>
    public static IReadOnlyList<string> DefaultAllowedServiceUrlHosts { get; } =
    [
        "smba.trafficmanager.net",
        "*.botframework.com",
        "*.teams.microsoft.com",
        "*.teams.microsoft.us",
        "smba.infra.gcc.teams.microsoft.com",
    ];

    public BotAppType AppType { get; set; } = BotAppType.SingleTenant;

    /// <summary>The bot's Entra app (client) id: the only audience inbound tokens may carry.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret (SingleTenant only). Never logged.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The school's Entra tenant id: token authority and the Entra issuer accepted inbound.</summary>
    public string? AppTenantId { get; set; }

    public BotCloud Cloud { get; set; } = BotCloud.Public;

    /// <summary>Tenants whose users may talk to the bot (<c>channelData.tenant.id</c>). Required unless unauthenticated development mode is on.</summary>
    public IList<string> AllowedTenantIds { get; } = [];

    /// <summary>
    /// Hosts the bot will send its token to and accept as <c>serviceUrl</c>. Exact host names, or <c>*.suffix</c>
    /// for any sub-domain. Empty means <see cref="DefaultAllowedServiceUrlHosts"/>.
    /// </summary>
    public IList<string> AllowedServiceUrlHosts { get; } = [];

    /// <summary>Channels the bot answers. Teams only, by default.</summary>
    public IList<string> AllowedChannelIds { get; } = ["msteams"];

    /// <summary>
    /// For Entra-issued tokens: the caller app ids (<c>azp</c>/<c>appid</c>, GUIDs) allowed; a listed caller is trusted
    /// as a channel, any other gets 403. Empty: an Entra token whose caller is another app is refused as a skill token
    /// (401), so only the bot's own tenant and app id pass. Put the Bot Service's caller app id here when its Entra
    /// tokens arrive.
    /// </summary>
    public IList<string> AllowedCallers { get; } = [];

    /// <summary>
    /// Turns authentication off. Allowed only with no <see cref="AppId"/>, in the Development environment, with the
    /// server bound to loopback: anyone who can reach <c>/api/messages</c> could otherwise act as any user.
    /// </summary>
    public bool DangerouslyAllowUnauthenticatedLoopbackRequests { get; set; }

    /// <summary>
    /// Lets a <c>serviceUrl</c> on a LISTED loopback host (for example <c>127.0.0.1</c> in
    /// <see cref="AllowedServiceUrlHosts"/>) use http, so that tests with authentication on can run a fake Bot Connector
    /// without TLS. Refused at start-up outside the Development environment.
    /// </summary>
    public bool AllowInsecureLoopbackServiceUrls { get; set; }

    /// <summary>The largest request body accepted, in bytes; larger ones get 413 before they are read.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>The deepest JSON nesting accepted in an activity.</summary>
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>How long one turn may run before it is cancelled (Teams re-delivers after about 15 s).</summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a processed (conversation id, activity id) is remembered to drop re-deliveries.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Overrides the Bot Framework OpenID metadata URL (tests, sovereign clouds).</summary>
    public Uri? BotFrameworkOpenIdMetadataUrl { get; set; }

    /// <summary>Overrides the Entra OpenID metadata URL (tests, sovereign clouds).</summary>
    public Uri? EntraOpenIdMetadataUrl { get; set; }

    /// <summary>Overrides the Entra token endpoint authority used for outbound tokens (tests).</summary>
    public Uri? TokenAuthority { get; set; }

    /// <summary>Overrides the managed identity endpoint (tests).</summary>
    public Uri? ManagedIdentityEndpoint { get; set; }

    /// <summary>True when requests are not authenticated (see <see cref="DangerouslyAllowUnauthenticatedLoopbackRequests"/>).</summary>
    public bool IsAuthenticationDisabled => DangerouslyAllowUnauthenticatedLoopbackRequests && string.IsNullOrEmpty(AppId);
}

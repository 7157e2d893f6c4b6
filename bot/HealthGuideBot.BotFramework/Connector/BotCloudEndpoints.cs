using HealthGuideBot.BotFramework.Hosting;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>Where the bot gets its outbound token, per cloud (security.md §1.2; S1, S3, S11).</summary>
internal static class BotCloudEndpoints
{
    public static Uri LoginAuthority(BotCloud cloud) => cloud switch
    {
        BotCloud.Government => new Uri("https://login.microsoftonline.us"),
        _ => new Uri("https://login.microsoftonline.com"),
    };

    /// <summary>The client-credentials scope: the Bot Connector resource plus <c>/.default</c>.</summary>
    public static string ConnectorScope(BotCloud cloud) => ConnectorResource(cloud) + "/.default";

    /// <summary>The Bot Connector resource, as managed identity endpoints want it (no <c>/.default</c>).</summary>
    public static string ConnectorResource(BotCloud cloud) => cloud switch
    {
        BotCloud.Government => "https://api.botframework.us",
        _ => "https://api.botframework.com",
    };

    /// <summary>The Azure Instance Metadata Service token endpoint (VMs, AKS, Container Apps with IMDS).</summary>
    public static Uri ImdsTokenEndpoint { get; } = new("http://169.254.169.254/metadata/identity/oauth2/token");
}

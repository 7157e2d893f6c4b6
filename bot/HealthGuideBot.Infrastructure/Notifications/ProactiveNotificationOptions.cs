namespace HealthGuideBot.Infrastructure.Notifications;

/// <summary>
/// Where proactive 1:1 messages go when the bot has no stored conversation with the recipient (Teams
/// create-conversation). Bound from <see cref="Section"/>. Every setting is optional: each defaults from the most
/// recently stored conversation reference (and the tenant from <c>MicrosoftAppTenantId</c>), which is right for a bot
/// installed in one school's tenant.
/// </summary>
public sealed class ProactiveNotificationOptions
{
    public const string Section = "HealthGuideBot:Proactive";

    /// <summary>The Bot Connector service URL for the tenant, e.g. <c>https://smba.trafficmanager.net/uk/</c>.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>The school's Entra tenant id.</summary>
    public string? TenantId { get; set; }

    /// <summary>The bot's channel account id, e.g. <c>28:{appId}</c>.</summary>
    public string? BotId { get; set; }
}

namespace HealthGuideBot.Testing;

/// <summary>The fixed identities the test suites share: the bot, the school tenant, and the strangers.</summary>
public static class TestIdentities
{
    /// <summary>The bot's Entra app id: the only audience inbound tokens may carry.</summary>
    public const string BotAppId = "0b6c5d0e-3d43-4c34-9a57-6f4c2b1d9a01";

    /// <summary>Another bot's app id: a token for it must not open our door.</summary>
    public const string OtherBotAppId = "7e2d9f4a-1c8b-4e6f-b3a2-5d4c3b2a1f09";

    /// <summary>The school's Entra tenant.</summary>
    public const string SchoolTenantId = "3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b";

    /// <summary>Some other Entra tenant.</summary>
    public const string OtherTenantId = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";

    /// <summary>The fixed "botframework.com" Microsoft tenant that the legacy SDK paths trust.</summary>
    public const string BotFrameworkComTenantId = "d6d49420-f39b-4df7-a1dc-d59a935871db";

    /// <summary>A caller app standing in for the Bot Service's own Entra identity.</summary>
    public const string BotServiceCallerAppId = "5a807f24-c9de-44ee-a3a7-329e88a00ffc";

    /// <summary>An app nobody listed.</summary>
    public const string StrangerAppId = "c4d3e2f1-a0b9-4c8d-9e7f-6a5b4c3d2e1f";

    /// <summary>A Teams service URL as Teams sends it (trailing slash included).</summary>
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    public const string TeamsChannelId = "msteams";
}

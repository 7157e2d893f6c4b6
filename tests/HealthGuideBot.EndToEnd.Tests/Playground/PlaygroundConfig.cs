using System.Text.Json;

namespace HealthGuideBot.EndToEnd.Tests.Playground;

/// <summary>
/// The Playground's mocked tenant, from <c>GET /_internal/v1/testConfig</c>:
/// <c>{"config":{"tenantId","bot":{"id","name"},"currentUser":{"id","name",…},"users":[…],"personalChat":{"id","name"},
/// "groupChats":[…],"teams":[…]},"internalConfig":{"locale","localTimezone","channelId"}}</c>.
/// The personal chat id is a fresh GUID per start.
/// </summary>
public sealed record PlaygroundConfig(
    string TenantId, string BotId, string BotName, string UserId, string UserName, string PersonalChatId, string ChannelId)
{
    internal static PlaygroundConfig Parse(JsonElement root)
    {
        var config = root.GetProperty("config");
        var bot = config.GetProperty("bot");
        var user = config.GetProperty("currentUser");
        return new PlaygroundConfig(
            config.GetProperty("tenantId").GetString() ?? "",
            bot.GetProperty("id").GetString() ?? "",
            bot.GetProperty("name").GetString() ?? "",
            user.GetProperty("id").GetString() ?? "",
            user.GetProperty("name").GetString() ?? "",
            config.GetProperty("personalChat").GetProperty("id").GetString() ?? "",
            root.TryGetProperty("internalConfig", out var internalConfig) && internalConfig.TryGetProperty("channelId", out var channel)
                ? channel.GetString() ?? "msteams"
                : "msteams");
    }
}

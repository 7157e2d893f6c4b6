using System.Text.Json;
using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.Testing;

/// <summary>Builds Teams-shaped activities for tests, as Teams sends them.</summary>
public static class ActivityBuilder
{
    public const string TenantId = "6babcaad-604b-40ac-a9d7-9fd97c0b779f";
    public const string BotId = "28:healthguidebot";
    public const string ServiceUrl = "https://smba.trafficmanager.net/uk/";

    private static int s_ids;

    /// <summary>A user's text message in a 1:1 conversation.</summary>
    public static Activity Message(string text, string conversationId = "a:conversation-1", string userId = "29:user-1", string? serviceUrl = null) =>
        Base(ActivityTypes.Message, conversationId, userId, serviceUrl) with { Text = text, TextFormat = "plain" };

    /// <summary>The app being installed (what Teams sends when a user adds the bot).</summary>
    public static Activity InstallationAdd(string conversationId = "a:conversation-1", string userId = "29:user-1", string? serviceUrl = null) =>
        Base(ActivityTypes.InstallationUpdate, conversationId, userId, serviceUrl) with { Action = "add" };

    /// <summary>An <c>Action.Execute</c> press (an <c>adaptiveCard/action</c> invoke).</summary>
    public static Activity Execute(string verb, object? data = null, string conversationId = "a:conversation-1", string userId = "29:user-1", string? serviceUrl = null)
    {
        var value = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["action"] = new Dictionary<string, object?> { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new Dictionary<string, object?>() },
        });
        return Base(ActivityTypes.Invoke, conversationId, userId, serviceUrl) with { Name = "adaptiveCard/action", Value = value };
    }

    /// <summary>An <c>Action.Submit</c> press: a message whose value is the button's data plus the inputs.</summary>
    public static Activity Submit(IDictionary<string, string> data, string conversationId = "a:conversation-1", string userId = "29:user-1", string? serviceUrl = null) =>
        Base(ActivityTypes.Message, conversationId, userId, serviceUrl) with { Value = JsonSerializer.SerializeToElement(data) };

    /// <summary>Serialises an activity as the channel would put it on the wire.</summary>
    public static string ToJson(Activity activity) => JsonSerializer.Serialize(activity, BotFrameworkJsonContext.Default.Activity);

    private static Activity Base(string type, string conversationId, string userId, string? serviceUrl) => new()
    {
        Type = type,
        Id = $"activity-{Interlocked.Increment(ref s_ids)}",
        ChannelId = Channels.MsTeams,
        ServiceUrl = serviceUrl ?? ServiceUrl,
        From = new ChannelAccount { Id = userId, AadObjectId = "5b6f1c1a-0000-4000-8000-00000000000" + (userId.Length % 10), Name = "Test User" },
        Recipient = new ChannelAccount { Id = BotId, Name = "HealthGuideBot" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = TenantId },
        ChannelData = JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["tenant"] = new Dictionary<string, string> { ["id"] = TenantId } }),
        Locale = "en-GB",
    };
}

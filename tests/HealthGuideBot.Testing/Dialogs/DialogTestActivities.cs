using System.Text.Json;
using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.Testing.Dialogs;

/// <summary>Inbound activities for dialog tests: Teams-shaped, from a user (by Entra object id) in a conversation.</summary>
public static class DialogTestActivities
{
    public const string GroupChatId = "19:group-chat@thread.v2";

    public static Activity Message(string text, string userAadObjectId, string conversationId = GroupChatId) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = Channels.MsTeams,
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "groupChat", IsGroup = true, TenantId = "tenant-1" },
        From = new ChannelAccount { Id = $"29:{userAadObjectId}", AadObjectId = userAadObjectId },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Text = text,
    };

    /// <summary>An <c>Action.Submit</c> press: a message whose value carries the verb.</summary>
    public static Activity Submit(string verb, string userAadObjectId, string conversationId = GroupChatId) =>
        Message(string.Empty, userAadObjectId, conversationId) with
        {
            Text = null,
            Value = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["verb"] = verb }, VerbJsonContext.Default.DictionaryStringString),
        };
}

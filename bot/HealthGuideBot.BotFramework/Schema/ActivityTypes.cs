namespace HealthGuideBot.BotFramework.Schema;

/// <summary>The activity types of the specification that this library routes.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string MessageReaction = "messageReaction";
    public const string Event = "event";
    public const string EndOfConversation = "endOfConversation";
    public const string Trace = "trace";
}

/// <summary>Channel identifiers.</summary>
public static class Channels
{
    public const string MsTeams = "msteams";
}

/// <summary>Text formats the channel accepts for a message.</summary>
public static class TextFormats
{
    public const string Markdown = "markdown";
    public const string Plain = "plain";
    public const string Xml = "xml";
}

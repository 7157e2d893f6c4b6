using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>
/// Where one active dialog lives: a user in a conversation. Keying by user as well as conversation keeps one member
/// of a group chat from continuing, or seeing, another member's dialog (security.md 56).
/// </summary>
public sealed record DialogKey(string ChannelId, string ConversationId, string UserId)
{
    /// <summary>The owner of the dialog, who also owns its drafts.</summary>
    public DialogUser User => new(ChannelId, UserId);

    /// <summary>
    /// The key of an activity: <c>(channelId, conversation.id, from.aadObjectId ?? from.id)</c>, or null when the
    /// activity lacks any of them (such an activity cannot own a dialog).
    /// </summary>
    public static DialogKey? From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var userId = activity.From?.AadObjectId is { Length: > 0 } aadObjectId ? aadObjectId : activity.From?.Id;
        return activity.ChannelId is { Length: > 0 } channelId
            && activity.Conversation?.Id is { Length: > 0 } conversationId
            && userId is { Length: > 0 }
            ? new DialogKey(channelId, conversationId, userId)
            : null;
    }
}

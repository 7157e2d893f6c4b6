using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.BotFramework.Proactive;

/// <summary>
/// Durable conversation references, one per <c>(channelId, conversation.id)</c>, so that proactive messages (reminders,
/// filing results) survive a restart (security.md 57). Update on every install and every message; remove on uninstall.
/// </summary>
public interface IConversationReferenceStore
{
    /// <summary>
    /// Adds or replaces the reference of its conversation and marks it active again. The tenant is taken from
    /// <c>reference.Conversation.TenantId</c> and the user key from <c>reference.User</c>.
    /// </summary>
    Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken);

    /// <summary>The stored reference of a conversation, active or not, or null.</summary>
    Task<StoredConversationReference?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// The active 1:1 conversation of a user (by <c>aadObjectId</c>, else <c>id</c>) in a tenant, most recently updated
    /// first, or null: how a background job reaches one staff member.
    /// </summary>
    Task<StoredConversationReference?> FindPersonalConversationAsync(string tenantId, string userId, CancellationToken cancellationToken);

    /// <summary>Marks a conversation's reference inactive (the channel answered 403); false if there was none.</summary>
    Task<bool> MarkInactiveAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Removes a conversation's reference (the bot was uninstalled); false if there was none.</summary>
    Task<bool> RemoveAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}

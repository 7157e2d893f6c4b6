using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.BotFramework.Proactive;

/// <summary>A conversation reference as stored, with the keys it can be found by.</summary>
/// <param name="Reference">The reference, as the last turn in the conversation gave it.</param>
/// <param name="TenantId">The Entra tenant of the conversation (<c>conversation.tenantId</c>).</param>
/// <param name="UserId">The user of the last turn: <c>aadObjectId</c> when present, else <c>id</c>.</param>
/// <param name="IsPersonal">True for a 1:1 chat between the bot and <paramref name="UserId"/>.</param>
/// <param name="IsActive">False once the channel refused a send with 403 (the bot was removed or blocked).</param>
/// <param name="UpdatedAt">When the reference was last upserted or marked.</param>
public sealed record StoredConversationReference(
    ConversationReference Reference,
    string? TenantId,
    string? UserId,
    bool IsPersonal,
    bool IsActive,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The user id used as a lookup key: <c>aadObjectId</c> when present, else <c>id</c>.</summary>
    public static string? UserKeyOf(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.User?.AadObjectId is { Length: > 0 } aadObjectId ? aadObjectId : reference.User?.Id;
    }

    /// <summary>True for a 1:1 chat: Teams says <c>personal</c>; other channels say the conversation is not a group.</summary>
    public static bool IsPersonalConversation(ConversationAccount conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return conversation.ConversationType is { } type
            ? string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase)
            : conversation.IsGroup is not true;
    }
}

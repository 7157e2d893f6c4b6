using System.Collections.Concurrent;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.BotFramework.Proactive;

/// <summary>
/// Keeps the stored conversation references current (security.md 57): saved on install and on every turn, removed
/// when the bot is uninstalled or removed from the conversation. A reference is written only when it differs from
/// the one last written by this process, so a busy conversation does not cost a database write per message. What was
/// last written is remembered as two <see cref="IdentityKey"/>s (the conversation and the reference's fields), not
/// the strings themselves: about 50 bytes a conversation instead of several hundred.
/// </summary>
public sealed class ConversationReferenceRecorder
{
    private const int MaxRemembered = 50_000;

    private readonly ConcurrentDictionary<UInt128, UInt128> _lastWritten = new();

    /// <summary>Records or removes the turn's conversation reference through the turn's scoped store.</summary>
    public async Task RecordAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId || activity.ChannelId is not { Length: > 0 } channelId)
        {
            return;
        }

        var store = turn.Services.GetRequiredService<IConversationReferenceStore>();
        var key = IdentityKey.Of(channelId, conversationId);
        if (IsUninstall(activity))
        {
            _lastWritten.TryRemove(key, out _);
            await store.RemoveAsync(channelId, conversationId, cancellationToken);
            return;
        }

        var reference = turn.GetConversationReference();
        var fingerprint = IdentityKey.Of(reference.ServiceUrl, reference.User?.Id, reference.User?.AadObjectId, reference.Bot?.Id, reference.Conversation.TenantId, reference.Locale);
        if (_lastWritten.TryGetValue(key, out var last) && last == fingerprint
            && activity.Type is not ActivityTypes.InstallationUpdate)
        {
            return;
        }

        await store.UpsertAsync(reference, cancellationToken);
        if (_lastWritten.Count >= MaxRemembered)
        {
            _lastWritten.Clear();
        }

        _lastWritten[key] = fingerprint;
    }

    private static bool IsUninstall(Activity activity) =>
        (activity.Type == ActivityTypes.InstallationUpdate && string.Equals(activity.Action, "remove", StringComparison.OrdinalIgnoreCase))
        || (activity.Type == ActivityTypes.ConversationUpdate && activity.MembersRemoved is { Count: > 0 } removed
            && removed.Any(m => string.Equals(m.Id, activity.Recipient?.Id, StringComparison.Ordinal)));
}

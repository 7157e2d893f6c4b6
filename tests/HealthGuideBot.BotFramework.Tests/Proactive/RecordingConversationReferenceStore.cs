using HealthGuideBot.BotFramework.Proactive;
using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.BotFramework.Tests.Proactive;

/// <summary>Records which conversations were marked inactive; nothing else is used by the messenger.</summary>
internal sealed class RecordingConversationReferenceStore : IConversationReferenceStore
{
    public List<(string ChannelId, string ConversationId)> MarkedInactive { get; } = [];

    public Task<bool> MarkInactiveAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        MarkedInactive.Add((channelId, conversationId));
        return Task.FromResult(true);
    }

    public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StoredConversationReference?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StoredConversationReference?> FindPersonalConversationAsync(string tenantId, string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> RemoveAsync(string channelId, string conversationId, CancellationToken cancellationToken) => throw new NotSupportedException();
}

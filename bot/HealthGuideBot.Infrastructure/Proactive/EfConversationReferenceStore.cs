using System.Text.Json;
using HealthGuideBot.BotFramework.Proactive;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Infrastructure.Proactive;

/// <summary>Conversation references in the bot's database, one row per (channel, conversation).</summary>
internal sealed partial class EfConversationReferenceStore : IConversationReferenceStore
{
    private readonly HealthGuideDbContext _db;
    private readonly IDatabaseWriterQueue _writers;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EfConversationReferenceStore> _logger;

    public EfConversationReferenceStore(HealthGuideDbContext db, IDatabaseWriterQueue writers, TimeProvider timeProvider, ILogger<EfConversationReferenceStore> logger)
    {
        _db = db;
        _writers = writers;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <remarks>
    /// Every new conversation's first turn writes here, so installs come in bursts; the upsert queues for the writer
    /// before it opens a connection (<see cref="IDatabaseWriterQueue"/>).
    /// </remarks>
    public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return _writers.WriteAsync(_db, ct => WriteAsync(reference, ct), cancellationToken);
    }

    private async Task WriteAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var conversationId = reference.Conversation.Id is { Length: > 0 } id
            ? id
            : throw new ArgumentException("The conversation reference has no conversation id.", nameof(reference));
        var now = _timeProvider.GetUtcNow();
        var json = JsonSerializer.Serialize(reference, BotFrameworkJsonContext.Default.ConversationReference);
        var userId = StoredConversationReference.UserKeyOf(reference);
        var isPersonal = StoredConversationReference.IsPersonalConversation(reference.Conversation);

        // An update first; an insert only when there was nothing to update. Two first turns racing on one
        // conversation both try the insert; the loser finds the row and updates it.
        for (var attempt = 0; ; attempt++)
        {
            var updated = await Find(reference.ChannelId, conversationId).ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(e => e.ReferenceJson, json)
                    .SetProperty(e => e.TenantId, reference.Conversation.TenantId)
                    .SetProperty(e => e.UserId, userId)
                    .SetProperty(e => e.IsPersonal, isPersonal)
                    .SetProperty(e => e.IsActive, true)
                    .SetProperty(e => e.UpdatedAt, now),
                cancellationToken);
            if (updated == 1)
            {
                return;
            }

            var row = new ConversationReferenceEntity
            {
                ChannelId = reference.ChannelId,
                ConversationId = conversationId,
                ReferenceJson = json,
                TenantId = reference.Conversation.TenantId,
                UserId = userId,
                IsPersonal = isPersonal,
                IsActive = true,
                CreatedAt = now,
                UpdatedAt = now,
            };
            _db.ConversationReferences.Add(row);
            try
            {
                await _db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Lost the insert race; the next pass updates the winner's row.
            }
            finally
            {
                _db.Entry(row).State = EntityState.Detached;
            }
        }
    }

    public async Task<StoredConversationReference?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var row = await Find(channelId, conversationId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToStored(row);
    }

    public async Task<StoredConversationReference?> FindPersonalConversationAsync(string tenantId, string userId, CancellationToken cancellationToken)
    {
        var row = await _db.ConversationReferences
            .Where(e => e.TenantId == tenantId && e.UserId == userId && e.IsPersonal && e.IsActive)
            .OrderByDescending(e => e.UpdatedAt)
            .AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToStored(row);
    }

    public async Task<bool> MarkInactiveAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var updated = await Find(channelId, conversationId).ExecuteUpdateAsync(
            setters => setters.SetProperty(e => e.IsActive, false).SetProperty(e => e.UpdatedAt, now),
            cancellationToken);
        if (updated == 1)
        {
            Log.MarkedInactive(_logger, channelId);
        }

        return updated == 1;
    }

    public async Task<bool> RemoveAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        await Find(channelId, conversationId).ExecuteDeleteAsync(cancellationToken) == 1;

    private IQueryable<ConversationReferenceEntity> Find(string channelId, string conversationId) =>
        _db.ConversationReferences.Where(e => e.ChannelId == channelId && e.ConversationId == conversationId);

    /// <summary>A stored row as the protocol's reference (also used by the staff notifier's any-tenant lookup).</summary>
    internal static StoredConversationReference ToStored(ConversationReferenceEntity row) =>
        new(
            JsonSerializer.Deserialize(row.ReferenceJson, BotFrameworkJsonContext.Default.ConversationReference)
                ?? throw new InvalidOperationException("A stored conversation reference is empty."),
            row.TenantId,
            row.UserId,
            row.IsPersonal,
            row.IsActive,
            row.UpdatedAt);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3030, Level = LogLevel.Information, Message = "Conversation reference on channel {ChannelId} marked inactive")]
        public static partial void MarkedInactive(ILogger logger, string channelId);
    }
}

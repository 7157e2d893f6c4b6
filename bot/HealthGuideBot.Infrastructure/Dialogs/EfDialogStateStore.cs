using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Infrastructure.Dialogs;

/// <summary>
/// Dialog state and drafts in the bot's database. Updates and deletes are conditional on the version the caller
/// loaded (<c>UPDATE … WHERE Version = @expected</c>), so a stale writer changes nothing and learns of the conflict.
/// </summary>
internal sealed partial class EfDialogStateStore : IDialogStateStore
{
    private readonly HealthGuideDbContext _db;
    private readonly ILogger<EfDialogStateStore> _logger;

    public EfDialogStateStore(HealthGuideDbContext db, ILogger<EfDialogStateStore> logger)
    {
        _db = db;
        _logger = logger;
    }

    public async Task<StoredDialogState?> LoadAsync(DialogKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var row = await Find(key).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new StoredDialogState(row.DialogId, row.SchemaVersion, row.StateJson, row.Version, row.UpdatedAt);
    }

    public async Task<DialogSaveResult> SaveAsync(DialogKey key, StoredDialogState state, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(state);
        if (expectedVersion is { } expected)
        {
            var next = expected + 1;
            var updated = await Find(key)
                .Where(e => e.Version == expected)
                .ExecuteUpdateAsync(
                    setters => setters
                        .SetProperty(e => e.DialogId, state.DialogId)
                        .SetProperty(e => e.SchemaVersion, state.SchemaVersion)
                        .SetProperty(e => e.StateJson, state.StateJson)
                        .SetProperty(e => e.UpdatedAt, state.UpdatedAt)
                        .SetProperty(e => e.Version, next),
                    cancellationToken);
            if (updated == 1)
            {
                return DialogSaveResult.Success(next);
            }

            Log.SaveConflict(_logger, state.DialogId, expected);
            return DialogSaveResult.Conflict;
        }

        var row = new DialogStateEntity
        {
            ChannelId = key.ChannelId,
            ConversationId = key.ConversationId,
            UserId = key.UserId,
            DialogId = state.DialogId,
            SchemaVersion = state.SchemaVersion,
            StateJson = state.StateJson,
            Version = 1,
            UpdatedAt = state.UpdatedAt,
        };
        _db.DialogStates.Add(row);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
            return DialogSaveResult.Success(1);
        }
        catch (DbUpdateException)
        {
            _db.Entry(row).State = EntityState.Detached;
            if (!await Find(key).AsNoTracking().AnyAsync(cancellationToken))
            {
                throw;
            }

            // The key was taken between our load and this insert: another turn began a dialog first.
            Log.SaveConflict(_logger, state.DialogId, 0);
            return DialogSaveResult.Conflict;
        }
        finally
        {
            _db.Entry(row).State = EntityState.Detached;
        }
    }

    public async Task<bool> DeleteAsync(DialogKey key, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return await Find(key).Where(e => e.Version == expectedVersion).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    public async Task SaveDraftAsync(StoredDialogDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var label = draft.Label.Length <= StorageLimits.DraftLabel ? draft.Label : draft.Label[..StorageLimits.DraftLabel];
        var row = await _db.DialogDrafts.SingleOrDefaultAsync(d => d.DraftId == draft.DraftId, cancellationToken);
        if (row is null)
        {
            row = new DialogDraftEntity
            {
                DraftId = draft.DraftId,
                ChannelId = draft.Owner.ChannelId,
                UserId = draft.Owner.UserId,
                DialogId = draft.DialogId,
                StateJson = draft.StateJson,
                Label = label,
                OriginConversationId = draft.OriginConversationId,
            };
            _db.DialogDrafts.Add(row);
        }
        else if (row.ChannelId != draft.Owner.ChannelId || row.UserId != draft.Owner.UserId)
        {
            _db.Entry(row).State = EntityState.Detached;
            throw new InvalidOperationException("A draft with this id belongs to another user; drafts are never overwritten across users.");
        }

        row.DialogId = draft.DialogId;
        row.SchemaVersion = draft.SchemaVersion;
        row.StateJson = draft.StateJson;
        row.Label = label;
        row.OriginConversationId = draft.OriginConversationId;
        row.SavedAt = draft.SavedAt;
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _db.Entry(row).State = EntityState.Detached;
        }
    }

    public async Task<IReadOnlyList<StoredDialogDraft>> ListDraftsAsync(DialogUser owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var rows = await OwnedBy(owner).OrderByDescending(d => d.SavedAt).AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Select(ToDraft)];
    }

    public async Task<StoredDialogDraft?> LoadDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var row = await OwnedBy(owner).Where(d => d.DraftId == draftId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToDraft(row);
    }

    public async Task<bool> DeleteDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return await OwnedBy(owner).Where(d => d.DraftId == draftId).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    private IQueryable<DialogStateEntity> Find(DialogKey key) =>
        _db.DialogStates.Where(e => e.ChannelId == key.ChannelId && e.ConversationId == key.ConversationId && e.UserId == key.UserId);

    private IQueryable<DialogDraftEntity> OwnedBy(DialogUser owner) =>
        _db.DialogDrafts.Where(d => d.ChannelId == owner.ChannelId && d.UserId == owner.UserId);

    private static StoredDialogDraft ToDraft(DialogDraftEntity row) =>
        new(row.DraftId, new DialogUser(row.ChannelId, row.UserId), row.DialogId, row.SchemaVersion, row.StateJson, row.Label, row.OriginConversationId, row.SavedAt);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3010, Level = LogLevel.Debug, Message = "Dialog {DialogId} state was not saved: expected version {ExpectedVersion} is stale")]
        public static partial void SaveConflict(ILogger logger, string dialogId, long expectedVersion);
    }
}

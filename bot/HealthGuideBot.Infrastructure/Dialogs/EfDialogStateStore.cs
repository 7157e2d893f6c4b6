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

        var row = NewRow(key, state);
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

    public async Task<bool> MoveToDraftAsync(DialogKey key, long expectedVersion, StoredDialogDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Owner != key.User)
        {
            throw new ArgumentException("A dialog can only be put aside as a draft of its own user.", nameof(draft));
        }

        // One transaction, so a crash leaves either the active state or the draft, never neither and never both. The
        // conditional delete is the first statement: it takes SQLite's single write lock, so no other writer can act
        // between it and the insert.
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        if (await Find(key).Where(e => e.Version == expectedVersion).ExecuteDeleteAsync(cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            Log.SaveConflict(_logger, draft.DialogId, expectedVersion);
            return false;
        }

        var row = NewDraftRow(draft);
        _db.DialogDrafts.Add(row);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            _db.Entry(row).State = EntityState.Detached;
        }
    }

    public async Task<DialogSaveResult> ResumeFromDraftAsync(DialogKey key, DialogUser owner, string draftId, StoredDialogState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(state);
        if (owner != key.User)
        {
            throw new ArgumentException("A draft can only be resumed by its owner.", nameof(owner));
        }

        // One transaction; deleting the draft is the first statement and takes SQLite's write lock, so of two
        // concurrent resumes of one draft the second waits, finds the draft gone and changes nothing.
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        if (await OwnedBy(owner).Where(d => d.DraftId == draftId).ExecuteDeleteAsync(cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            Log.DraftNotResumed(_logger, draftId, "the draft is gone");
            return DialogSaveResult.Conflict;
        }

        if (await Find(key).AnyAsync(cancellationToken))
        {
            // Rolling back restores the draft.
            await transaction.RollbackAsync(cancellationToken);
            Log.DraftNotResumed(_logger, draftId, "another dialog is active");
            return DialogSaveResult.Conflict;
        }

        var row = NewRow(key, state);
        _db.DialogStates.Add(row);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return DialogSaveResult.Success(1);
        }
        finally
        {
            _db.Entry(row).State = EntityState.Detached;
        }
    }

    public async Task SaveDraftAsync(StoredDialogDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var label = Truncate(draft.Label);
        var row = await _db.DialogDrafts.SingleOrDefaultAsync(d => d.DraftId == draft.DraftId, cancellationToken);
        if (row is null)
        {
            row = NewDraftRow(draft);
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

    /// <summary>A dialog's first stored version.</summary>
    private static DialogStateEntity NewRow(DialogKey key, StoredDialogState state) => new()
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

    private IQueryable<DialogStateEntity> Find(DialogKey key) =>
        _db.DialogStates.Where(e => e.ChannelId == key.ChannelId && e.ConversationId == key.ConversationId && e.UserId == key.UserId);

    private IQueryable<DialogDraftEntity> OwnedBy(DialogUser owner) =>
        _db.DialogDrafts.Where(d => d.ChannelId == owner.ChannelId && d.UserId == owner.UserId);

    private static DialogDraftEntity NewDraftRow(StoredDialogDraft draft) =>
        new()
        {
            DraftId = draft.DraftId,
            ChannelId = draft.Owner.ChannelId,
            UserId = draft.Owner.UserId,
            DialogId = draft.DialogId,
            SchemaVersion = draft.SchemaVersion,
            StateJson = draft.StateJson,
            Label = Truncate(draft.Label),
            OriginConversationId = draft.OriginConversationId,
            SavedAt = draft.SavedAt,
        };

    private static string Truncate(string label) =>
        label.Length <= StorageLimits.DraftLabel ? label : label[..StorageLimits.DraftLabel];

    private static StoredDialogDraft ToDraft(DialogDraftEntity row) =>
        new(row.DraftId, new DialogUser(row.ChannelId, row.UserId), row.DialogId, row.SchemaVersion, row.StateJson, row.Label, row.OriginConversationId, row.SavedAt);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3010, Level = LogLevel.Debug, Message = "Dialog {DialogId} state was not saved: expected version {ExpectedVersion} is stale")]
        public static partial void SaveConflict(ILogger logger, string dialogId, long expectedVersion);

        [LoggerMessage(EventId = 3011, Level = LogLevel.Debug, Message = "Draft {DraftId} was not resumed: {Reason}")]
        public static partial void DraftNotResumed(ILogger logger, string draftId, string reason);
    }
}

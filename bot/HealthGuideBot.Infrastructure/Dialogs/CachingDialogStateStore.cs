using HealthGuideBot.BotFramework.Dialogs;

namespace HealthGuideBot.Infrastructure.Dialogs;

/// <summary>
/// Wraps the dialog store so that a user with no active dialog, once seen, is answered from memory
/// (<see cref="AbsentDialogCache"/>); every write forgets the user before it reaches the database, so the cache can
/// only ever err towards asking the database.
/// </summary>
internal sealed class CachingDialogStateStore : IDialogStateStore
{
    private readonly IDialogStateStore _inner;
    private readonly AbsentDialogCache _absent;

    public CachingDialogStateStore(IDialogStateStore inner, AbsentDialogCache absent)
    {
        _inner = inner;
        _absent = absent;
    }

    public async Task<StoredDialogState?> LoadAsync(DialogKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_absent.IsKnownAbsent(key))
        {
            return null;
        }

        var state = await _inner.LoadAsync(key, cancellationToken);
        if (state is null)
        {
            _absent.MarkAbsent(key);
        }

        return state;
    }

    public Task<DialogSaveResult> SaveAsync(DialogKey key, StoredDialogState state, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        _absent.Forget(key);
        return _inner.SaveAsync(key, state, expectedVersion, cancellationToken);
    }

    public Task<bool> DeleteAsync(DialogKey key, long expectedVersion, CancellationToken cancellationToken) =>
        _inner.DeleteAsync(key, expectedVersion, cancellationToken);

    public Task<bool> MoveToDraftAsync(DialogKey key, long expectedVersion, StoredDialogDraft draft, CancellationToken cancellationToken) =>
        _inner.MoveToDraftAsync(key, expectedVersion, draft, cancellationToken);

    public Task<DialogSaveResult> ResumeFromDraftAsync(DialogKey key, DialogUser owner, string draftId, StoredDialogState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        _absent.Forget(key);
        return _inner.ResumeFromDraftAsync(key, owner, draftId, state, cancellationToken);
    }

    public Task SaveDraftAsync(StoredDialogDraft draft, CancellationToken cancellationToken) =>
        _inner.SaveDraftAsync(draft, cancellationToken);

    public Task<IReadOnlyList<StoredDialogDraft>> ListDraftsAsync(DialogUser owner, CancellationToken cancellationToken) =>
        _inner.ListDraftsAsync(owner, cancellationToken);

    public Task<StoredDialogDraft?> LoadDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken) =>
        _inner.LoadDraftAsync(owner, draftId, cancellationToken);

    public Task<bool> DeleteDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken) =>
        _inner.DeleteDraftAsync(owner, draftId, cancellationToken);
}

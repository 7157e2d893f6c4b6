using HealthGuideBot.BotFramework.Dialogs;

namespace HealthGuideBot.Testing.Dialogs;

/// <summary>An <see cref="IDialogStateStore"/> in memory, with the same concurrency and ownership rules as the EF store.</summary>
public sealed class InMemoryDialogStateStore : IDialogStateStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<DialogKey, StoredDialogState> _active = [];
    private readonly Dictionary<string, StoredDialogDraft> _drafts = new(StringComparer.Ordinal);

    public int ActiveCount
    {
        get
        {
            lock (_gate)
            {
                return _active.Count;
            }
        }
    }

    public Task<StoredDialogState?> LoadAsync(DialogKey key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_active.GetValueOrDefault(key));
        }
    }

    public Task<DialogSaveResult> SaveAsync(DialogKey key, StoredDialogState state, long? expectedVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var current = _active.GetValueOrDefault(key);
            if (current?.Version != expectedVersion)
            {
                return Task.FromResult(DialogSaveResult.Conflict);
            }

            var version = (expectedVersion ?? 0) + 1;
            _active[key] = state with { Version = version };
            return Task.FromResult(DialogSaveResult.Success(version));
        }
    }

    public Task<bool> DeleteAsync(DialogKey key, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_active.TryGetValue(key, out var current) && current.Version == expectedVersion && _active.Remove(key));
        }
    }

    public Task SaveDraftAsync(StoredDialogDraft draft, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_drafts.TryGetValue(draft.DraftId, out var existing) && existing.Owner != draft.Owner)
            {
                throw new InvalidOperationException("A draft with this id belongs to another user.");
            }

            _drafts[draft.DraftId] = draft;
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<StoredDialogDraft>> ListDraftsAsync(DialogUser owner, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StoredDialogDraft> drafts = [.. _drafts.Values.Where(d => d.Owner == owner).OrderByDescending(d => d.SavedAt)];
            return Task.FromResult(drafts);
        }
    }

    public Task<StoredDialogDraft?> LoadDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_drafts.TryGetValue(draftId, out var draft) && draft.Owner == owner ? draft : null);
        }
    }

    public Task<bool> DeleteDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_drafts.TryGetValue(draftId, out var draft) && draft.Owner == owner && _drafts.Remove(draftId));
        }
    }
}

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

    public Task<bool> MoveToDraftAsync(DialogKey key, long expectedVersion, StoredDialogDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Owner != key.User)
        {
            throw new ArgumentException("A dialog can only be put aside as a draft of its own user.", nameof(draft));
        }

        lock (_gate)
        {
            if (!_active.TryGetValue(key, out var current) || current.Version != expectedVersion)
            {
                return Task.FromResult(false);
            }

            if (_drafts.ContainsKey(draft.DraftId))
            {
                throw new InvalidOperationException("A draft with this id already exists.");
            }

            _active.Remove(key);
            _drafts[draft.DraftId] = draft;
            return Task.FromResult(true);
        }
    }

    public Task<DialogSaveResult> ResumeFromDraftAsync(DialogKey key, DialogUser owner, string draftId, StoredDialogState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(state);
        if (owner != key.User)
        {
            throw new ArgumentException("A draft can only be resumed by its owner.", nameof(owner));
        }

        lock (_gate)
        {
            if (_active.ContainsKey(key) || !_drafts.TryGetValue(draftId, out var draft) || draft.Owner != owner)
            {
                return Task.FromResult(DialogSaveResult.Conflict);
            }

            _drafts.Remove(draftId);
            _active[key] = state with { Version = 1 };
            return Task.FromResult(DialogSaveResult.Success(1));
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

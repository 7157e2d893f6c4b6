namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>
/// Persists the one active dialog per <see cref="DialogKey"/> with optimistic concurrency, and each user's drafts.
/// Implementations must survive a process restart (security.md 53).
/// </summary>
public interface IDialogStateStore
{
    /// <summary>The active dialog of a user in a conversation, or null.</summary>
    Task<StoredDialogState?> LoadAsync(DialogKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the active dialog. <paramref name="expectedVersion"/> is the version the caller loaded, or null when it
    /// found none; a mismatch (including a row appearing or vanishing meanwhile) is a conflict and changes nothing.
    /// The <see cref="StoredDialogState.Version"/> of <paramref name="state"/> is ignored: the store assigns it.
    /// </summary>
    Task<DialogSaveResult> SaveAsync(DialogKey key, StoredDialogState state, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes the active dialog if its version is still <paramref name="expectedVersion"/>; false otherwise.</summary>
    Task<bool> DeleteAsync(DialogKey key, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a draft (by <see cref="StoredDialogDraft.DraftId"/>, for the same owner only).</summary>
    Task SaveDraftAsync(StoredDialogDraft draft, CancellationToken cancellationToken);

    /// <summary>The drafts of one user, most recently saved first.</summary>
    Task<IReadOnlyList<StoredDialogDraft>> ListDraftsAsync(DialogUser owner, CancellationToken cancellationToken);

    /// <summary>One draft of <paramref name="owner"/>, or null if there is none with that id owned by that user.</summary>
    Task<StoredDialogDraft?> LoadDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken);

    /// <summary>Deletes one draft of <paramref name="owner"/>; false if there was none with that id owned by that user.</summary>
    Task<bool> DeleteDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken);
}

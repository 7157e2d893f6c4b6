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

    /// <summary>
    /// Puts the active dialog aside as a draft in one transaction: deletes the active state of <paramref name="key"/>
    /// if its version is still <paramref name="expectedVersion"/> and inserts <paramref name="draft"/> (a new id, owned
    /// by <see cref="DialogKey.User"/> of <paramref name="key"/>). False, with nothing changed, if the version moved on
    /// or the state is gone. Either both writes happen or neither does, so a crash cannot lose the user's work.
    /// </summary>
    Task<bool> MoveToDraftAsync(DialogKey key, long expectedVersion, StoredDialogDraft draft, CancellationToken cancellationToken);

    /// <summary>
    /// Makes a draft the active dialog in one transaction: deletes the draft <paramref name="draftId"/> of
    /// <paramref name="owner"/> (who must be the user of <paramref name="key"/>) and inserts <paramref name="state"/> as
    /// the active state of <paramref name="key"/> at version 1. <see cref="DialogSaveResult.Conflict"/>, with nothing
    /// changed, if a dialog is already active for <paramref name="key"/> or the draft is gone (for example because a
    /// concurrent resume took it): a draft is resumed at most once.
    /// </summary>
    Task<DialogSaveResult> ResumeFromDraftAsync(DialogKey key, DialogUser owner, string draftId, StoredDialogState state, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a draft (by <see cref="StoredDialogDraft.DraftId"/>, for the same owner only).</summary>
    Task SaveDraftAsync(StoredDialogDraft draft, CancellationToken cancellationToken);

    /// <summary>The drafts of one user, most recently saved first.</summary>
    Task<IReadOnlyList<StoredDialogDraft>> ListDraftsAsync(DialogUser owner, CancellationToken cancellationToken);

    /// <summary>One draft of <paramref name="owner"/>, or null if there is none with that id owned by that user.</summary>
    Task<StoredDialogDraft?> LoadDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken);

    /// <summary>Deletes one draft of <paramref name="owner"/>; false if there was none with that id owned by that user.</summary>
    Task<bool> DeleteDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken);
}

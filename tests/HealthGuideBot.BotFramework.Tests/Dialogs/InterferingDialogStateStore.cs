using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.Testing.Dialogs;

namespace HealthGuideBot.BotFramework.Tests.Dialogs;

/// <summary>
/// Simulates a concurrent turn: when armed, just before each of the next <c>interferences</c> saves it lets "another
/// turn" save first (answering "theirs" when <c>answerTheirs</c>, else re-saving the same state), so the save under
/// test meets a stale version.
/// </summary>
internal sealed class InterferingDialogStateStore(InMemoryDialogStateStore inner, int interferences, bool answerTheirs = true) : IDialogStateStore
{
    public bool Armed { get; set; }

    public int Interfered { get; private set; }

    public async Task<DialogSaveResult> SaveAsync(DialogKey key, StoredDialogState state, long? expectedVersion, CancellationToken cancellationToken)
    {
        if (Armed && Interfered < interferences && await inner.LoadAsync(key, cancellationToken) is { } current)
        {
            Interfered++;
            var theirs = System.Text.Json.JsonSerializer.Deserialize(current.StateJson, SampleFormJsonContext.Default.SampleFormState)!;
            theirs = !answerTheirs ? theirs : theirs with { Step = theirs.Step + 1, Answers = [.. theirs.Answers, "theirs"] };
            await inner.SaveAsync(
                key,
                current with { StateJson = System.Text.Json.JsonSerializer.Serialize(theirs, SampleFormJsonContext.Default.SampleFormState) },
                current.Version,
                cancellationToken);
        }

        return await inner.SaveAsync(key, state, expectedVersion, cancellationToken);
    }

    public Task<StoredDialogState?> LoadAsync(DialogKey key, CancellationToken cancellationToken) => inner.LoadAsync(key, cancellationToken);

    public Task<bool> DeleteAsync(DialogKey key, long expectedVersion, CancellationToken cancellationToken) => inner.DeleteAsync(key, expectedVersion, cancellationToken);

    public Task SaveDraftAsync(StoredDialogDraft draft, CancellationToken cancellationToken) => inner.SaveDraftAsync(draft, cancellationToken);

    public Task<IReadOnlyList<StoredDialogDraft>> ListDraftsAsync(DialogUser owner, CancellationToken cancellationToken) => inner.ListDraftsAsync(owner, cancellationToken);

    public Task<StoredDialogDraft?> LoadDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken) => inner.LoadDraftAsync(owner, draftId, cancellationToken);

    public Task<bool> DeleteDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken) => inner.DeleteDraftAsync(owner, draftId, cancellationToken);
}

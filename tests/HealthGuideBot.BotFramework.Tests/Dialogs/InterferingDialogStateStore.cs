using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.Testing.Dialogs;

namespace HealthGuideBot.BotFramework.Tests.Dialogs;

/// <summary>
/// Simulates a concurrent turn: when armed, just before each of the next <c>interferences</c> saves (or moves to a
/// draft) it lets "another turn" save first (answering "theirs" when <c>answerTheirs</c>, else re-saving the same
/// state), so the write under test meets a stale version. <see cref="BeforeResume"/> runs just before a resume from a
/// draft, to let a concurrent resume win.
/// </summary>
internal sealed class InterferingDialogStateStore(InMemoryDialogStateStore inner, int interferences, bool answerTheirs = true) : IDialogStateStore
{
    public bool Armed { get; set; }

    public int Interfered { get; private set; }

    public Func<Task>? BeforeResume { get; set; }

    public async Task<DialogSaveResult> SaveAsync(DialogKey key, StoredDialogState state, long? expectedVersion, CancellationToken cancellationToken)
    {
        await InterfereAsync(key, cancellationToken);
        return await inner.SaveAsync(key, state, expectedVersion, cancellationToken);
    }

    public async Task<bool> MoveToDraftAsync(DialogKey key, long expectedVersion, StoredDialogDraft draft, CancellationToken cancellationToken)
    {
        await InterfereAsync(key, cancellationToken);
        return await inner.MoveToDraftAsync(key, expectedVersion, draft, cancellationToken);
    }

    public async Task<DialogSaveResult> ResumeFromDraftAsync(DialogKey key, DialogUser owner, string draftId, StoredDialogState state, CancellationToken cancellationToken)
    {
        if (BeforeResume is { } beforeResume)
        {
            await beforeResume();
        }

        return await inner.ResumeFromDraftAsync(key, owner, draftId, state, cancellationToken);
    }

    private async Task InterfereAsync(DialogKey key, CancellationToken cancellationToken)
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
    }

    public Task<StoredDialogState?> LoadAsync(DialogKey key, CancellationToken cancellationToken) => inner.LoadAsync(key, cancellationToken);

    public Task<bool> DeleteAsync(DialogKey key, long expectedVersion, CancellationToken cancellationToken) => inner.DeleteAsync(key, expectedVersion, cancellationToken);

    public Task SaveDraftAsync(StoredDialogDraft draft, CancellationToken cancellationToken) => inner.SaveDraftAsync(draft, cancellationToken);

    public Task<IReadOnlyList<StoredDialogDraft>> ListDraftsAsync(DialogUser owner, CancellationToken cancellationToken) => inner.ListDraftsAsync(owner, cancellationToken);

    public Task<StoredDialogDraft?> LoadDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken) => inner.LoadDraftAsync(owner, draftId, cancellationToken);

    public Task<bool> DeleteDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken) => inner.DeleteDraftAsync(owner, draftId, cancellationToken);
}

using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.Infrastructure.Dialogs;
using HealthGuideBot.Testing.Dialogs;

namespace HealthGuideBot.Infrastructure.Tests.Dialogs;

public sealed class CachingDialogStateStoreTests
{
    private static readonly DialogKey Key = new("msteams", "a:c", "u");
    private static readonly StoredDialogState State = new("sample-form", 1, "{}", 0, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task LoadAsync_AsksTheStoreOnce_ForAUserWithNoDialog()
    {
        var inner = new CountingStore();
        var store = new CachingDialogStateStore(inner, new AbsentDialogCache());

        await store.LoadAsync(Key, CancellationToken.None);
        await store.LoadAsync(Key, CancellationToken.None);

        Assert.Equal(1, inner.Loads);
    }

    [Fact]
    public async Task LoadAsync_SeesADialogSavedAfterTheUserWasCachedAsAbsent()
    {
        var inner = new CountingStore();
        var store = new CachingDialogStateStore(inner, new AbsentDialogCache());
        await store.LoadAsync(Key, CancellationToken.None);

        await store.SaveAsync(Key, State, expectedVersion: null, CancellationToken.None);
        var loaded = await store.LoadAsync(Key, CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(2, inner.Loads);
    }

    [Fact]
    public async Task LoadAsync_SeesADialogResumedFromADraft()
    {
        var inner = new CountingStore();
        var store = new CachingDialogStateStore(inner, new AbsentDialogCache());
        await store.LoadAsync(Key, CancellationToken.None);
        await inner.SaveDraftAsync(new StoredDialogDraft("d1", Key.User, "sample-form", 1, "{}", "Sample", Key.ConversationId, DateTimeOffset.UnixEpoch), CancellationToken.None);

        await store.ResumeFromDraftAsync(Key, Key.User, "d1", State, CancellationToken.None);

        Assert.NotNull(await store.LoadAsync(Key, CancellationToken.None));
    }

    /// <summary>The in-memory store, counting reads of the active dialog.</summary>
    private sealed class CountingStore : IDialogStateStore
    {
        private readonly InMemoryDialogStateStore _inner = new();

        public int Loads { get; private set; }

        public Task<StoredDialogState?> LoadAsync(DialogKey key, CancellationToken cancellationToken)
        {
            Loads++;
            return _inner.LoadAsync(key, cancellationToken);
        }

        public Task<DialogSaveResult> SaveAsync(DialogKey key, StoredDialogState state, long? expectedVersion, CancellationToken cancellationToken) => _inner.SaveAsync(key, state, expectedVersion, cancellationToken);

        public Task<bool> DeleteAsync(DialogKey key, long expectedVersion, CancellationToken cancellationToken) => _inner.DeleteAsync(key, expectedVersion, cancellationToken);

        public Task<bool> MoveToDraftAsync(DialogKey key, long expectedVersion, StoredDialogDraft draft, CancellationToken cancellationToken) => _inner.MoveToDraftAsync(key, expectedVersion, draft, cancellationToken);

        public Task<DialogSaveResult> ResumeFromDraftAsync(DialogKey key, DialogUser owner, string draftId, StoredDialogState state, CancellationToken cancellationToken) => _inner.ResumeFromDraftAsync(key, owner, draftId, state, cancellationToken);

        public Task SaveDraftAsync(StoredDialogDraft draft, CancellationToken cancellationToken) => _inner.SaveDraftAsync(draft, cancellationToken);

        public Task<IReadOnlyList<StoredDialogDraft>> ListDraftsAsync(DialogUser owner, CancellationToken cancellationToken) => _inner.ListDraftsAsync(owner, cancellationToken);

        public Task<StoredDialogDraft?> LoadDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken) => _inner.LoadDraftAsync(owner, draftId, cancellationToken);

        public Task<bool> DeleteDraftAsync(DialogUser owner, string draftId, CancellationToken cancellationToken) => _inner.DeleteDraftAsync(owner, draftId, cancellationToken);
    }
}

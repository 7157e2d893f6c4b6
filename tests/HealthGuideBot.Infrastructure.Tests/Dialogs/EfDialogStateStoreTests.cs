using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.Infrastructure.Tests.Persistence;
using HealthGuideBot.Testing.Dialogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Infrastructure.Tests.Dialogs;

public sealed class EfDialogStateStoreTests
{
    private const string Alice = "aad-alice";
    private const string Bob = "aad-bob";
    private static readonly DialogKey AliceKey = new("msteams", DialogTestActivities.GroupChatId, Alice);

    [Fact]
    [Trait("Security", "E53")]
    public async Task DialogManager_ContinuesWithEarlierAnswersIntact_WhenTheProcessRestartsMidDialog()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var scope = database.CreateScope())
        {
            var manager = Manager(scope.ServiceProvider, database);
            await manager.BeginAsync<SampleFormDialog>(new TestTurnContext(DialogTestActivities.Message("start", Alice)), CancellationToken.None);
            await manager.ContinueAsync(new TestTurnContext(DialogTestActivities.Message("a", Alice)), CancellationToken.None);
            await manager.ContinueAsync(new TestTurnContext(DialogTestActivities.Message("b", Alice)), CancellationToken.None);
        }

        await database.RestartAsync();

        await using (var scope = database.CreateScope())
        {
            var manager = Manager(scope.ServiceProvider, database);
            var turn = new TestTurnContext(DialogTestActivities.Message("c", Alice));
            var result = await manager.ContinueAsync(turn, CancellationToken.None);

            Assert.Equal(DialogTurnStatus.Completed, result.Status);
            Assert.Equal(["Done: a | b | c"], turn.SentTexts);
        }
    }

    [Fact]
    public async Task SaveAsync_AssignsIncreasingVersions_AndLoadReturnsTheLatestState()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var scope = database.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDialogStateStore>();

        var first = await store.SaveAsync(AliceKey, State("{\"v\":1}"), null, CancellationToken.None);
        var second = await store.SaveAsync(AliceKey, State("{\"v\":2}"), first.Version, CancellationToken.None);
        var loaded = await store.LoadAsync(AliceKey, CancellationToken.None);

        Assert.Equal(DialogSaveResult.Success(1), first);
        Assert.Equal(DialogSaveResult.Success(2), second);
        Assert.Equal(new StoredDialogState("form", 1, "{\"v\":2}", 2, database.Time.GetUtcNow()), loaded);
    }

    [Fact]
    [Trait("Security", "E55")]
    public async Task SaveAsync_ReturnsConflictAndKeepsTheWinner_WhenTwoContextsSaveOverTheSameVersion()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var scopeA = database.CreateScope();
        await using var scopeB = database.CreateScope();
        var storeA = scopeA.ServiceProvider.GetRequiredService<IDialogStateStore>();
        var storeB = scopeB.ServiceProvider.GetRequiredService<IDialogStateStore>();
        var created = await storeA.SaveAsync(AliceKey, State("{\"v\":1}"), null, CancellationToken.None);

        var loadedByA = await storeA.LoadAsync(AliceKey, CancellationToken.None);
        var loadedByB = await storeB.LoadAsync(AliceKey, CancellationToken.None);
        var winner = await storeB.SaveAsync(AliceKey, State("{\"v\":\"B\"}"), loadedByB!.Version, CancellationToken.None);
        var loser = await storeA.SaveAsync(AliceKey, State("{\"v\":\"A\"}"), loadedByA!.Version, CancellationToken.None);
        var staleDelete = await storeA.DeleteAsync(AliceKey, loadedByA.Version, CancellationToken.None);

        Assert.True(winner.Saved);
        Assert.Equal(DialogSaveResult.Conflict, loser);
        Assert.False(staleDelete);
        Assert.Equal("{\"v\":\"B\"}", (await storeA.LoadAsync(AliceKey, CancellationToken.None))!.StateJson);
        Assert.Equal(created.Version + 1, winner.Version);
    }

    [Fact]
    public async Task SaveAsync_ReturnsConflict_WhenInsertingAKeyAnotherTurnAlreadyCreated()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var scopeA = database.CreateScope();
        await using var scopeB = database.CreateScope();
        var storeA = scopeA.ServiceProvider.GetRequiredService<IDialogStateStore>();
        var storeB = scopeB.ServiceProvider.GetRequiredService<IDialogStateStore>();

        var first = await storeA.SaveAsync(AliceKey, State("{\"v\":\"A\"}"), null, CancellationToken.None);
        var second = await storeB.SaveAsync(AliceKey, State("{\"v\":\"B\"}"), null, CancellationToken.None);
        var afterConflict = await storeB.SaveAsync(AliceKey with { UserId = Bob }, State("{\"v\":\"B\"}"), null, CancellationToken.None);

        Assert.True(first.Saved);
        Assert.Equal(DialogSaveResult.Conflict, second);
        Assert.True(afterConflict.Saved);
        Assert.Equal("{\"v\":\"A\"}", (await storeB.LoadAsync(AliceKey, CancellationToken.None))!.StateJson);
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheState_WhenTheVersionIsCurrent()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var scope = database.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDialogStateStore>();
        var saved = await store.SaveAsync(AliceKey, State("{}"), null, CancellationToken.None);

        Assert.True(await store.DeleteAsync(AliceKey, saved.Version, CancellationToken.None));
        Assert.Null(await store.LoadAsync(AliceKey, CancellationToken.None));
    }

    [Fact]
    [Trait("Security", "E56")]
    public async Task Drafts_AreReturnedOnlyToTheirOwner_AndSurviveARestart()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var aliceUser = AliceKey.User;
        var bobUser = new DialogUser("msteams", Bob);
        await using (var scope = database.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IDialogStateStore>();
            await store.SaveDraftAsync(Draft("d-old", aliceUser, database.Time.GetUtcNow()), CancellationToken.None);
            await store.SaveDraftAsync(Draft("d-new", aliceUser, database.Time.GetUtcNow().AddMinutes(5)), CancellationToken.None);
            await store.SaveDraftAsync(Draft("d-bob", bobUser, database.Time.GetUtcNow()), CancellationToken.None);
            await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveDraftAsync(Draft("d-bob", aliceUser, database.Time.GetUtcNow()), CancellationToken.None));
        }

        await database.RestartAsync();

        await using (var scope = database.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IDialogStateStore>();
            var aliceDrafts = await store.ListDraftsAsync(aliceUser, CancellationToken.None);

            Assert.Equal(["d-new", "d-old"], aliceDrafts.Select(d => d.DraftId));
            Assert.Equal(Draft("d-old", aliceUser, database.Time.GetUtcNow()), aliceDrafts[1]);
            Assert.Null(await store.LoadDraftAsync(bobUser, "d-old", CancellationToken.None));
            Assert.False(await store.DeleteDraftAsync(bobUser, "d-old", CancellationToken.None));
            Assert.Equal(bobUser, (await store.LoadDraftAsync(bobUser, "d-bob", CancellationToken.None))!.Owner);
            Assert.True(await store.DeleteDraftAsync(aliceUser, "d-old", CancellationToken.None));
            Assert.Equal(["d-new"], (await store.ListDraftsAsync(aliceUser, CancellationToken.None)).Select(d => d.DraftId));
        }
    }

    private static StoredDialogState State(string json) => new("form", 1, json, 0, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private static StoredDialogDraft Draft(string id, DialogUser owner, DateTimeOffset savedAt) =>
        new(id, owner, "form", 1, "{\"Step\":1}", "Form, question 2", DialogTestActivities.GroupChatId, savedAt);

    private static DialogManager Manager(IServiceProvider services, SqliteTestDatabase database) =>
        new(
            services.GetRequiredService<IDialogStateStore>(),
            [new SampleFormDialog()],
            Options.Create(new DialogManagerOptions()),
            database.Time,
            NullLogger<DialogManager>.Instance);
}

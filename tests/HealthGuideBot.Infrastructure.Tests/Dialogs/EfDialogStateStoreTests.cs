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

    [Fact]
    public async Task MoveToDraftAsync_ChangesNothing_WhenTheVersionIsStale()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var scope = database.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDialogStateStore>();
        var first = await store.SaveAsync(AliceKey, State("{\"v\":1}"), null, CancellationToken.None);
        var second = await store.SaveAsync(AliceKey, State("{\"v\":2}"), first.Version, CancellationToken.None);

        var moved = await store.MoveToDraftAsync(AliceKey, first.Version, Draft("d-stale", AliceKey.User, database.Time.GetUtcNow()), CancellationToken.None);

        Assert.False(moved);
        Assert.Equal(("{\"v\":2}", second.Version), ((await store.LoadAsync(AliceKey, CancellationToken.None))?.StateJson, (await store.LoadAsync(AliceKey, CancellationToken.None))?.Version));
        Assert.Empty(await store.ListDraftsAsync(AliceKey.User, CancellationToken.None));
    }

    [Fact]
    public async Task MoveToDraftAsync_ChangesNothing_WhenThereIsNoActiveState()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var scope = database.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDialogStateStore>();

        Assert.False(await store.MoveToDraftAsync(AliceKey, 1, Draft("d-none", AliceKey.User, database.Time.GetUtcNow()), CancellationToken.None));
        Assert.Empty(await store.ListDraftsAsync(AliceKey.User, CancellationToken.None));
    }

    [Fact]
    public async Task MoveToDraftAsync_LeavesOnlyTheDraft_WhenTheDatabaseIsReopened()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var draft = Draft("d-moved", AliceKey.User, database.Time.GetUtcNow());
        await using (var scope = database.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IDialogStateStore>();
            var saved = await store.SaveAsync(AliceKey, State("{\"Step\":1}"), null, CancellationToken.None);
            Assert.True(await store.MoveToDraftAsync(AliceKey, saved.Version, draft, CancellationToken.None));
        }

        await database.RestartAsync();

        await using (var scope = database.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IDialogStateStore>();
            Assert.Null(await store.LoadAsync(AliceKey, CancellationToken.None));
            Assert.Equal([draft], await store.ListDraftsAsync(AliceKey.User, CancellationToken.None));
        }
    }

    [Fact]
    public async Task ResumeFromDraftAsync_MakesTheDraftActiveAtVersionOne_AndDeletesIt()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using (var scope = database.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IDialogStateStore>();
            await store.SaveDraftAsync(Draft("d-1", AliceKey.User, database.Time.GetUtcNow()), CancellationToken.None);

            var resumed = await store.ResumeFromDraftAsync(AliceKey, AliceKey.User, "d-1", State("{\"Step\":1}"), CancellationToken.None);

            Assert.Equal(DialogSaveResult.Success(1), resumed);
        }

        await database.RestartAsync();

        await using (var scope = database.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IDialogStateStore>();
            Assert.Equal(("{\"Step\":1}", 1L), ((await store.LoadAsync(AliceKey, CancellationToken.None))?.StateJson, (await store.LoadAsync(AliceKey, CancellationToken.None))?.Version));
            Assert.Empty(await store.ListDraftsAsync(AliceKey.User, CancellationToken.None));
        }
    }

    [Fact]
    public async Task ResumeFromDraftAsync_ChangesNothing_WhenADialogIsActiveOrTheDraftIsGone()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var scope = database.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IDialogStateStore>();
        await store.SaveAsync(AliceKey, State("{\"v\":\"active\"}"), null, CancellationToken.None);
        await store.SaveDraftAsync(Draft("d-1", AliceKey.User, database.Time.GetUtcNow()), CancellationToken.None);
        var bobKey = AliceKey with { UserId = Bob };

        var whileActive = await store.ResumeFromDraftAsync(AliceKey, AliceKey.User, "d-1", State("{\"v\":\"draft\"}"), CancellationToken.None);
        var noSuchDraft = await store.ResumeFromDraftAsync(AliceKey with { ConversationId = "a:personal-chat" }, AliceKey.User, "d-none", State("{}"), CancellationToken.None);
        var notTheOwner = await store.ResumeFromDraftAsync(bobKey, bobKey.User, "d-1", State("{}"), CancellationToken.None);

        Assert.Equal(DialogSaveResult.Conflict, whileActive);
        Assert.Equal(DialogSaveResult.Conflict, noSuchDraft);
        Assert.Equal(DialogSaveResult.Conflict, notTheOwner);
        Assert.Equal("{\"v\":\"active\"}", (await store.LoadAsync(AliceKey, CancellationToken.None))!.StateJson);
        Assert.Null(await store.LoadAsync(AliceKey with { ConversationId = "a:personal-chat" }, CancellationToken.None));
        Assert.Null(await store.LoadAsync(bobKey, CancellationToken.None));
        Assert.Equal(["d-1"], (await store.ListDraftsAsync(AliceKey.User, CancellationToken.None)).Select(d => d.DraftId));
    }

    [Theory]
    [InlineData(DialogTestActivities.GroupChatId)]
    [InlineData("a:personal-chat")]
    [Trait("Security", "E55")]
    public async Task ResumeFromDraftAsync_StartsTheDraftExactlyOnce_WhenTwoContextsResumeItConcurrently(string secondConversation)
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var secondKey = AliceKey with { ConversationId = secondConversation };
        for (var round = 0; round < 10; round++)
        {
            var draftId = $"d-{round}";
            await using (var scope = database.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<IDialogStateStore>()
                    .SaveDraftAsync(Draft(draftId, AliceKey.User, database.Time.GetUtcNow()), CancellationToken.None);
            }

            await using var scopeA = database.CreateScope();
            await using var scopeB = database.CreateScope();
            var storeA = scopeA.ServiceProvider.GetRequiredService<IDialogStateStore>();
            var storeB = scopeB.ServiceProvider.GetRequiredService<IDialogStateStore>();
            using var start = new Barrier(2);
            var resumeA = Task.Run(() =>
            {
                start.SignalAndWait();
                return storeA.ResumeFromDraftAsync(AliceKey, AliceKey.User, draftId, State("{\"by\":\"A\"}"), CancellationToken.None);
            });
            var resumeB = Task.Run(() =>
            {
                start.SignalAndWait();
                return storeB.ResumeFromDraftAsync(secondKey, AliceKey.User, draftId, State("{\"by\":\"B\"}"), CancellationToken.None);
            });
            var results = await Task.WhenAll(resumeA, resumeB);

            Assert.Single(results, r => r.Saved);
            Assert.Single(results, r => r == DialogSaveResult.Conflict);
            var activeA = await storeA.LoadAsync(AliceKey, CancellationToken.None);
            var activeB = await storeA.LoadAsync(secondKey, CancellationToken.None);
            Assert.Equal(results[0].Saved ? "{\"by\":\"A\"}" : "{\"by\":\"B\"}", (activeA ?? activeB)!.StateJson);
            StoredDialogState?[] active = secondKey == AliceKey ? [activeA] : [activeA, activeB];
            Assert.Single(active, a => a is not null);
            Assert.Empty(await storeA.ListDraftsAsync(AliceKey.User, CancellationToken.None));

            // Clear the active dialog for the next round.
            Assert.True(await storeA.DeleteAsync(results[0].Saved ? AliceKey : secondKey, 1, CancellationToken.None));
        }
    }

    [Fact]
    public async Task DialogManager_SavesForLaterAndResumes_WithTheDraftHandedOffAtomically()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        DialogTurnResult saved;
        await using (var scope = database.CreateScope())
        {
            var manager = Manager(scope.ServiceProvider, database);
            await manager.BeginAsync<SampleFormDialog>(new TestTurnContext(DialogTestActivities.Message("start", Alice)), CancellationToken.None);
            await manager.ContinueAsync(new TestTurnContext(DialogTestActivities.Message("a", Alice)), CancellationToken.None);
            saved = await manager.ContinueAsync(new TestTurnContext(DialogTestActivities.Message("save for later", Alice)), CancellationToken.None);
        }

        await database.RestartAsync();

        await using (var scope = database.CreateScope())
        {
            var manager = Manager(scope.ServiceProvider, database);
            var store = scope.ServiceProvider.GetRequiredService<IDialogStateStore>();
            Assert.Null(await store.LoadAsync(AliceKey, CancellationToken.None));
            var resumeTurn = new TestTurnContext(DialogTestActivities.Message("continue my draft", Alice));
            var resumed = await manager.ResumeDraftAsync(resumeTurn, saved.DraftId!, CancellationToken.None);
            var again = await manager.ResumeDraftAsync(new TestTurnContext(DialogTestActivities.Message("continue my draft", Alice, "a:personal-chat")), saved.DraftId!, CancellationToken.None);
            await manager.ContinueAsync(new TestTurnContext(DialogTestActivities.Message("b", Alice)), CancellationToken.None);
            var lastTurn = new TestTurnContext(DialogTestActivities.Message("c", Alice));
            await manager.ContinueAsync(lastTurn, CancellationToken.None);

            Assert.Equal(DialogTurnStatus.SavedAsDraft, saved.Status);
            Assert.Equal(DialogTurnStatus.Waiting, resumed.Status);
            Assert.Equal(["Question 2"], resumeTurn.SentTexts);
            Assert.Equal(DialogTurnStatus.DraftNotFound, again.Status);
            Assert.Equal(["Done: a | b | c"], lastTurn.SentTexts);
            Assert.Empty(await store.ListDraftsAsync(AliceKey.User, CancellationToken.None));
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

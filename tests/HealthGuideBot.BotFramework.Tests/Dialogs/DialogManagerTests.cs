using System.Text.Json;
using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.Testing.Dialogs;

namespace HealthGuideBot.BotFramework.Tests.Dialogs;

public sealed class DialogManagerTests
{
    private const string Alice = "aad-alice";
    private const string Bob = "aad-bob";
    private static readonly DialogKey AliceKey = new("msteams", DialogTestActivities.GroupChatId, Alice);

    [Fact]
    public async Task BeginAsync_SendsFirstPromptAndSavesState_WhenNoDialogIsActive()
    {
        var harness = new DialogManagerHarness();

        var (result, turn) = await harness.BeginFormAsync(Alice);

        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal(["Question 1"], turn.SentTexts);
        var stored = await harness.Store.LoadAsync(AliceKey, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(SampleFormDialog.DialogId, stored.DialogId);
        Assert.Equal(1, stored.Version);
        Assert.Equal(harness.Time.GetUtcNow(), stored.UpdatedAt);
        var state = JsonSerializer.Deserialize(stored.StateJson, SampleFormJsonContext.Default.SampleFormState)!;
        Assert.Equal(0, state.Step);
        Assert.Empty(state.Answers);
    }

    [Fact]
    public async Task BeginAsync_ReturnsAnotherDialogActive_AndKeepsTheActiveState_WhenOneIsActive()
    {
        var harness = new DialogManagerHarness();
        await harness.BeginFormAsync(Alice);
        await harness.SayAsync("first answer", Alice);

        var (result, turn) = await harness.BeginFormAsync(Alice);

        Assert.Equal(DialogTurnStatus.AnotherDialogActive, result.Status);
        Assert.Equal(SampleFormDialog.DialogId, result.DialogId);
        Assert.Empty(turn.Sent);
        Assert.Equal(2, (await harness.Store.LoadAsync(AliceKey, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task ContinueAsync_ReturnsNoActiveDialog_WhenTheUserHasNone()
    {
        var harness = new DialogManagerHarness();

        var (result, turn) = await harness.SayAsync("hello", Alice);

        Assert.Equal(DialogTurnStatus.NoActiveDialog, result.Status);
        Assert.Empty(turn.Sent);
    }

    [Fact]
    public async Task ContinueAsync_WalksEveryStepAndDeletesState_WhenTheDialogCompletes()
    {
        var harness = new DialogManagerHarness();
        await harness.BeginFormAsync(Alice);

        var (first, firstTurn) = await harness.SayAsync("a", Alice);
        var (second, secondTurn) = await harness.SayAsync("b", Alice);
        var (last, lastTurn) = await harness.SayAsync("c", Alice);

        Assert.Equal(DialogTurnStatus.Waiting, first.Status);
        Assert.Equal(["Question 2"], firstTurn.SentTexts);
        Assert.Equal(DialogTurnStatus.Waiting, second.Status);
        Assert.Equal(["Question 3"], secondTurn.SentTexts);
        Assert.Equal(DialogTurnStatus.Completed, last.Status);
        Assert.Equal(["Done: a | b | c"], lastTurn.SentTexts);
        Assert.Null(await harness.Store.LoadAsync(AliceKey, CancellationToken.None));
    }

    [Fact]
    public async Task ContinueAsync_ReturnsToThePreviousQuestion_WhenTheUserSaysBack()
    {
        var harness = new DialogManagerHarness();
        await harness.BeginFormAsync(Alice);
        await harness.SayAsync("a", Alice);
        await harness.SayAsync("wrong", Alice);

        var (back, backTurn) = await harness.SayAsync("Back", Alice);
        await harness.SayAsync("b", Alice);
        var (_, lastTurn) = await harness.SayAsync("c", Alice);

        Assert.Equal(DialogTurnStatus.Waiting, back.Status);
        Assert.Equal(["Question 2"], backTurn.SentTexts);
        Assert.Equal(["Done: a | b | c"], lastTurn.SentTexts);
    }

    [Fact]
    public async Task ContinueAsync_RepromptsTheFirstQuestion_WhenTheUserSaysBackAtTheStart()
    {
        var harness = new DialogManagerHarness();
        await harness.BeginFormAsync(Alice);

        var (result, turn) = await harness.SayAsync("back", Alice);

        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal(["Question 1"], turn.SentTexts);
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("Cancel.")]
    [InlineData("  CANCEL!  ")]
    public async Task ContinueAsync_CancelsAndDeletesState_WhenTheUserSaysCancel(string text)
    {
        var harness = new DialogManagerHarness();
        await harness.BeginFormAsync(Alice);
        await harness.SayAsync("a", Alice);

        var (result, turn) = await harness.SayAsync(text, Alice);

        Assert.Equal(DialogTurnStatus.Cancelled, result.Status);
        Assert.Equal(["Cancelled"], turn.SentTexts);
        Assert.Null(await harness.Store.LoadAsync(AliceKey, CancellationToken.None));
    }

    [Fact]
    public async Task ContinueAsync_Cancels_WhenTheUserPressesACardButtonWithTheCancelVerb()
    {
        var harness = new DialogManagerHarness();
        await harness.BeginFormAsync(Alice);

        var turn = new TestTurnContext(DialogTestActivities.Submit(DialogManager.CancelVerb, Alice));
        var result = await harness.Manager.ContinueAsync(turn, CancellationToken.None);

        Assert.Equal(DialogTurnStatus.Cancelled, result.Status);
        Assert.Null(await harness.Store.LoadAsync(AliceKey, CancellationToken.None));
    }

    [Fact]
    public async Task ContinueAsync_TreatsCancelInsideASentenceAsAnAnswer_WhenItIsNotTheWholeMessage()
    {
        var harness = new DialogManagerHarness();
        await harness.BeginFormAsync(Alice);

        var (result, turn) = await harness.SayAsync("cancel the trip", Alice);

        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal(["Question 2"], turn.SentTexts);
    }

    [Fact]
    [Trait("Security", "E56")]
    public async Task ContinueAsync_DoesNotContinueAnotherMembersDialog_WhenBothAreInTheSameGroupChat()
    {
        var harness = new DialogManagerHarness();
        await harness.BeginFormAsync(Alice);
        await harness.SayAsync("alice's answer", Alice);

        var (bobResult, bobTurn) = await harness.SayAsync("bob's text", Bob);
        var (bobCancel, _) = await harness.SayAsync("cancel", Bob);
        await harness.SayAsync("b", Alice);
        var (_, aliceLast) = await harness.SayAsync("c", Alice);

        Assert.Equal(DialogTurnStatus.NoActiveDialog, bobResult.Status);
        Assert.Empty(bobTurn.Sent);
        Assert.Equal(DialogTurnStatus.NoActiveDialog, bobCancel.Status);
        Assert.Equal(["Done: alice's answer | b | c"], aliceLast.SentTexts);
    }

    [Fact]
    [Trait("Security", "E56")]
    public async Task BeginAsync_GivesEachMemberTheirOwnDialog_WhenTwoMembersOfAGroupChatStartOne()
    {
        var harness = new DialogManagerHarness();
        await harness.BeginFormAsync(Alice);
        var (bobBegin, _) = await harness.BeginFormAsync(Bob);

        await harness.SayAsync("a1", Alice);
        await harness.SayAsync("b1", Bob);
        await harness.SayAsync("a2", Alice);
        await harness.SayAsync("b2", Bob);
        var (_, aliceDone) = await harness.SayAsync("a3", Alice);
        var (_, bobDone) = await harness.SayAsync("b3", Bob);

        Assert.Equal(DialogTurnStatus.Waiting, bobBegin.Status);
        Assert.Equal(["Done: a1 | a2 | a3"], aliceDone.SentTexts);
        Assert.Equal(["Done: b1 | b2 | b3"], bobDone.SentTexts);
    }

    [Fact]
    public async Task SaveForLater_PutsTheDialogAsideAsADraft_AndResumeContinuesWithTheEarlierAnswers()
    {
        var harness = new DialogManagerHarness();
        await harness.BeginFormAsync(Alice);
        await harness.SayAsync("a", Alice);

        var (saved, savedTurn) = await harness.SayAsync("save for later", Alice);
        var (afterSave, _) = await harness.SayAsync("anything", Alice);
        var drafts = await harness.Manager.ListDraftsAsync(new TestTurnContext(DialogTestActivities.Message("drafts", Alice, "a:personal-chat")), CancellationToken.None);
        var resumeTurn = new TestTurnContext(DialogTestActivities.Message("continue my draft", Alice));
        var resumed = await harness.Manager.ResumeDraftAsync(resumeTurn, saved.DraftId!, CancellationToken.None);
        await harness.SayAsync("b", Alice);
        var (_, lastTurn) = await harness.SayAsync("c", Alice);

        Assert.Equal(DialogTurnStatus.SavedAsDraft, saved.Status);
        Assert.Empty(savedTurn.Sent);
        Assert.Equal(DialogTurnStatus.NoActiveDialog, afterSave.Status);
        var draft = Assert.Single(drafts);
        Assert.Equal(saved.DraftId, draft.DraftId);
        Assert.Equal("Sample form, question 2", draft.Label);
        Assert.Equal(harness.Time.GetUtcNow(), draft.SavedAt);
        Assert.Equal(DialogTurnStatus.Waiting, resumed.Status);
        Assert.Equal(["Question 2"], resumeTurn.SentTexts);
        Assert.Equal(["Done: a | b | c"], lastTurn.SentTexts);
        Assert.Empty(await harness.Store.ListDraftsAsync(AliceKey.User, CancellationToken.None));
    }

    [Fact]
    [Trait("Security", "E56")]
    public async Task Drafts_AreInvisibleToAnotherMember_WhenSavedInTheSameGroupChat()
    {
        var harness = new DialogManagerHarness();
        await harness.BeginFormAsync(Alice);
        await harness.SayAsync("alice's answer", Alice);
        var (saved, _) = await harness.SayAsync("save for later", Alice);
        var bobTurn = new TestTurnContext(DialogTestActivities.Message("continue", Bob));

        var bobDrafts = await harness.Manager.ListDraftsAsync(bobTurn, CancellationToken.None);
        var bobResume = await harness.Manager.ResumeDraftAsync(bobTurn, saved.DraftId!, CancellationToken.None);
        var bobDelete = await harness.Manager.DeleteDraftAsync(bobTurn, saved.DraftId!, CancellationToken.None);

        Assert.Empty(bobDrafts);
        Assert.Equal(DialogTurnStatus.DraftNotFound, bobResume.Status);
        Assert.Empty(bobTurn.Sent);
        Assert.False(bobDelete);
        Assert.Null(await harness.Store.LoadAsync(AliceKey with { UserId = Bob }, CancellationToken.None));
        Assert.Single(await harness.Store.ListDraftsAsync(AliceKey.User, CancellationToken.None));
    }

    [Fact]
    public async Task ResumeDraftAsync_ReturnsAnotherDialogActive_AndKeepsTheDraft_WhenADialogIsActive()
    {
        var harness = new DialogManagerHarness();
        await harness.BeginFormAsync(Alice);
        var (saved, _) = await harness.SayAsync("save for later", Alice);
        await harness.BeginFormAsync(Alice);

        var turn = new TestTurnContext(DialogTestActivities.Message("continue my draft", Alice));
        var result = await harness.Manager.ResumeDraftAsync(turn, saved.DraftId!, CancellationToken.None);

        Assert.Equal(DialogTurnStatus.AnotherDialogActive, result.Status);
        Assert.Empty(turn.Sent);
        Assert.Single(await harness.Store.ListDraftsAsync(AliceKey.User, CancellationToken.None));
    }

    [Fact]
    public async Task SaveForLater_DraftsTheLatestStateOnce_WhenAnotherTurnSavedFirst()
    {
        var inner = new InMemoryDialogStateStore();
        var store = new InterferingDialogStateStore(inner, interferences: 1);
        var harness = new DialogManagerHarness(store);
        await harness.BeginFormAsync(Alice);
        await harness.SayAsync("a", Alice);
        store.Armed = true;

        var (saved, turn) = await harness.SayAsync("save for later", Alice);

        Assert.Equal(DialogTurnStatus.SavedAsDraft, saved.Status);
        Assert.Equal(1, store.Interfered);
        Assert.Empty(turn.Sent);
        Assert.Null(await inner.LoadAsync(AliceKey, CancellationToken.None));
        var draft = Assert.Single(await inner.ListDraftsAsync(AliceKey.User, CancellationToken.None));
        Assert.Equal(saved.DraftId, draft.DraftId);
        var state = JsonSerializer.Deserialize(draft.StateJson, SampleFormJsonContext.Default.SampleFormState)!;
        Assert.Equal(["a", "theirs"], state.Answers);
    }

    [Theory]
    [InlineData(DialogTestActivities.GroupChatId, DialogTurnStatus.AnotherDialogActive)]
    [InlineData("a:personal-chat", DialogTurnStatus.DraftNotFound)]
    public async Task ResumeDraftAsync_StartsTheDraftOnlyOnceAndSendsNothing_WhenAConcurrentResumeTakesItFirst(string rivalConversation, DialogTurnStatus expected)
    {
        var inner = new InMemoryDialogStateStore();
        var store = new InterferingDialogStateStore(inner, interferences: 0);
        var harness = new DialogManagerHarness(store);
        await harness.BeginFormAsync(Alice);
        await harness.SayAsync("a", Alice);
        var (saved, _) = await harness.SayAsync("save for later", Alice);
        var rivalKey = AliceKey with { ConversationId = rivalConversation };
        var draft = (await inner.LoadDraftAsync(AliceKey.User, saved.DraftId!, CancellationToken.None))!;
        store.BeforeResume = async () =>
        {
            store.BeforeResume = null;
            var rival = await inner.ResumeFromDraftAsync(
                rivalKey, AliceKey.User, draft.DraftId, new StoredDialogState(draft.DialogId, draft.SchemaVersion, draft.StateJson, 0, harness.Time.GetUtcNow()), CancellationToken.None);
            Assert.True(rival.Saved);
        };

        var turn = new TestTurnContext(DialogTestActivities.Message("continue my draft", Alice));
        var result = await harness.Manager.ResumeDraftAsync(turn, saved.DraftId!, CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.Equal(saved.DraftId, result.DraftId);
        Assert.Empty(turn.Sent);
        Assert.Equal(1, inner.ActiveCount);
        Assert.NotNull(await inner.LoadAsync(rivalKey, CancellationToken.None));
        Assert.Empty(await inner.ListDraftsAsync(AliceKey.User, CancellationToken.None));
    }

    [Fact]
    public async Task ContinueAsync_RerunsTheStepOnFreshStateAndSendsOnce_WhenAnotherTurnSavedFirst()
    {
        var inner = new InMemoryDialogStateStore();
        var store = new InterferingDialogStateStore(inner, interferences: 1);
        var harness = new DialogManagerHarness(store);
        await harness.BeginFormAsync(Alice);
        store.Armed = true;

        var (result, turn) = await harness.SayAsync("mine", Alice);

        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal(["Question 3"], turn.SentTexts);
        var state = JsonSerializer.Deserialize((await inner.LoadAsync(AliceKey, CancellationToken.None))!.StateJson, SampleFormJsonContext.Default.SampleFormState)!;
        Assert.Equal(["theirs", "mine"], state.Answers);
    }

    [Fact]
    public async Task ContinueAsync_ReturnsConflictAndSendsNothing_WhenEveryAttemptLosesTheRace()
    {
        var inner = new InMemoryDialogStateStore();
        var store = new InterferingDialogStateStore(inner, interferences: int.MaxValue, answerTheirs: false);
        var harness = new DialogManagerHarness(store);
        await harness.BeginFormAsync(Alice);
        store.Armed = true;

        var (result, turn) = await harness.SayAsync("mine", Alice);

        Assert.Equal(DialogTurnStatus.Conflict, result.Status);
        Assert.Empty(turn.Sent);
        Assert.Equal(new DialogManagerOptions().MaxConcurrencyAttempts, store.Interfered);
    }

    [Fact]
    public async Task ContinueAsync_DiscardsState_WhenItWasSavedWithAnUnknownSchemaVersion()
    {
        var store = new InMemoryDialogStateStore();
        await store.SaveAsync(AliceKey, new StoredDialogState(SampleFormDialog.DialogId, 99, "{\"Step\":0,\"Answers\":[]}", 0, DateTimeOffset.UnixEpoch), null, CancellationToken.None);
        var harness = new DialogManagerHarness(store);

        var (result, turn) = await harness.SayAsync("a", Alice);

        Assert.Equal(DialogTurnStatus.StateDiscarded, result.Status);
        Assert.Empty(turn.Sent);
        Assert.Null(await store.LoadAsync(AliceKey, CancellationToken.None));
    }

    [Fact]
    public async Task ContinueAsync_DiscardsState_WhenItsDialogIsNoLongerRegistered()
    {
        var store = new InMemoryDialogStateStore();
        await store.SaveAsync(AliceKey, new StoredDialogState("retired-dialog", 1, "{}", 0, DateTimeOffset.UnixEpoch), null, CancellationToken.None);
        var harness = new DialogManagerHarness(store);

        var (result, _) = await harness.SayAsync("a", Alice);

        Assert.Equal(DialogTurnStatus.StateDiscarded, result.Status);
        Assert.Equal("retired-dialog", result.DialogId);
        Assert.Null(await store.LoadAsync(AliceKey, CancellationToken.None));
    }

    [Fact]
    public void DialogKey_UsesTheEntraObjectId_WhenTheSenderHasOne()
    {
        var activity = DialogTestActivities.Message("hi", Alice);

        var key = DialogKey.From(activity);
        var withoutAad = DialogKey.From(activity with { From = activity.From! with { AadObjectId = null } });

        Assert.Equal(AliceKey, key);
        Assert.Equal("29:aad-alice", withoutAad!.UserId);
    }
}

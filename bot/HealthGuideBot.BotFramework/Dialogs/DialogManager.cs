using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>
/// Runs dialogs over turns. Each user in each conversation has at most one active dialog, loaded at the start of a
/// turn and saved (or deleted) at its end under optimistic concurrency. "cancel", "back" and "save for later" work
/// in every dialog. Scoped: one per turn.
/// </summary>
public sealed partial class DialogManager
{
    /// <summary>The <c>verb</c> of a card button that cancels the active dialog.</summary>
    public const string CancelVerb = "dialog.cancel";

    /// <summary>The <c>verb</c> of a card button that steps the active dialog back.</summary>
    public const string BackVerb = "dialog.back";

    /// <summary>The <c>verb</c> of a card button that saves the active dialog as a draft.</summary>
    public const string SaveDraftVerb = "dialog.saveDraft";

    private readonly IDialogStateStore _store;
    private readonly Dictionary<string, Dialog> _dialogs;
    private readonly DialogManagerOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DialogManager> _logger;

    public DialogManager(
        IDialogStateStore store,
        IEnumerable<Dialog> dialogs,
        IOptions<DialogManagerOptions> options,
        TimeProvider timeProvider,
        ILogger<DialogManager> logger)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _dialogs = new Dictionary<string, Dialog>(StringComparer.Ordinal);
        foreach (var dialog in dialogs)
        {
            if (!_dialogs.TryAdd(dialog.Id, dialog))
            {
                throw new InvalidOperationException($"Two dialogs share the id '{dialog.Id}'. Dialog ids must be unique.");
            }
        }
    }

    /// <summary>
    /// Starts the registered dialog of type <typeparamref name="TDialog"/> for the user of the turn, unless they
    /// already have an active dialog in this conversation (<see cref="DialogTurnStatus.AnotherDialogActive"/>).
    /// </summary>
    public Task<DialogTurnResult> BeginAsync<TDialog>(ITurnContext turn, CancellationToken cancellationToken)
        where TDialog : Dialog
    {
        var dialog = _dialogs.Values.OfType<TDialog>().SingleOrDefault()
            ?? throw new InvalidOperationException($"The dialog {typeof(TDialog).Name} is not registered. Register it with AddDialog<{typeof(TDialog).Name}>().");
        return BeginAsync(turn, dialog.Id, cancellationToken);
    }

    /// <summary>Starts the registered dialog with id <paramref name="dialogId"/> (see <see cref="BeginAsync{TDialog}"/>).</summary>
    public async Task<DialogTurnResult> BeginAsync(ITurnContext turn, string dialogId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (!_dialogs.TryGetValue(dialogId, out var dialog))
        {
            throw new InvalidOperationException($"No dialog with id '{dialogId}' is registered. Register it with AddDialog<T>().");
        }

        var key = RequireKey(turn);
        var active = await _store.LoadAsync(key, cancellationToken);
        if (active is not null)
        {
            return new DialogTurnResult(DialogTurnStatus.AnotherDialogActive, active.DialogId);
        }

        var replies = new List<Activity>();
        var step = await dialog.BeginAsync(turn, key, replies, cancellationToken);
        var result = await ApplyAsync(turn, key, dialog, step, expectedVersion: null, cancellationToken);
        if (result is null)
        {
            // Another turn of the same user began a dialog meanwhile; nothing of ours was saved or sent.
            return new DialogTurnResult(DialogTurnStatus.AnotherDialogActive);
        }

        Log.DialogBegun(_logger, dialog.Id, turn.TurnId);
        await SendAsync(turn, replies, cancellationToken);
        return result;
    }

    /// <summary>
    /// Hands the turn to the user's active dialog in this conversation. Recognises "cancel", "back" and
    /// "save for later" (and the matching card verbs) before the dialog sees the turn. Returns
    /// <see cref="DialogTurnStatus.NoActiveDialog"/> when the user has none, so the caller can route the turn elsewhere.
    /// </summary>
    public Task<DialogTurnResult> ContinueAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return RunActiveAsync(turn, Recognise(turn.Activity), cancellationToken);
    }

    /// <summary>Cancels the user's active dialog in this conversation, if any.</summary>
    public Task<DialogTurnResult> CancelAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return RunActiveAsync(turn, DialogCommand.Cancel, cancellationToken);
    }

    /// <summary>Puts the user's active dialog in this conversation aside as a draft, if there is one.</summary>
    public Task<DialogTurnResult> SaveDraftAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return RunActiveAsync(turn, DialogCommand.SaveDraft, cancellationToken);
    }

    /// <summary>The id of the user's active dialog in this conversation, or null.</summary>
    public async Task<string?> GetActiveDialogIdAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return DialogKey.From(turn.Activity) is { } key
            ? (await _store.LoadAsync(key, cancellationToken))?.DialogId
            : null;
    }

    /// <summary>The drafts of the user of the turn (only theirs, whichever conversation the turn is in).</summary>
    public async Task<IReadOnlyList<DialogDraftSummary>> ListDraftsAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var drafts = await _store.ListDraftsAsync(RequireKey(turn).User, cancellationToken);
        return [.. drafts.Select(d => new DialogDraftSummary(d.DraftId, d.DialogId, d.Label, d.SavedAt))];
    }

    /// <summary>
    /// Makes one of the user's drafts their active dialog in this conversation and prompts for its current step.
    /// The draft is deleted in the same transaction that makes the dialog active again.
    /// </summary>
    public async Task<DialogTurnResult> ResumeDraftAsync(ITurnContext turn, string draftId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var key = RequireKey(turn);
        var draft = await _store.LoadDraftAsync(key.User, draftId, cancellationToken);
        if (draft is null)
        {
            return new DialogTurnResult(DialogTurnStatus.DraftNotFound, DraftId: draftId);
        }

        if (await _store.LoadAsync(key, cancellationToken) is { } active)
        {
            return new DialogTurnResult(DialogTurnStatus.AnotherDialogActive, active.DialogId, draftId);
        }

        if (!_dialogs.TryGetValue(draft.DialogId, out var dialog))
        {
            Log.StateDiscarded(_logger, draft.DialogId, turn.TurnId);
            await _store.DeleteDraftAsync(key.User, draftId, cancellationToken);
            return new DialogTurnResult(DialogTurnStatus.StateDiscarded, draft.DialogId, draftId);
        }

        var replies = new List<Activity>();
        var step = await dialog.RunAsync(DialogCommand.Resume, turn, key, replies, draft.SchemaVersion, draft.StateJson, cancellationToken);
        if (step.IsUnreadable)
        {
            Log.StateDiscarded(_logger, dialog.Id, turn.TurnId);
            await _store.DeleteDraftAsync(key.User, draftId, cancellationToken);
            return new DialogTurnResult(DialogTurnStatus.StateDiscarded, dialog.Id, draftId);
        }

        if (step.Status != DialogStatus.Waiting)
        {
            // Resume only re-prompts the saved step (Dialog<TState>.RunAsync), so anything else is a framework bug.
            throw new InvalidOperationException($"Dialog '{dialog.Id}' returned {step.Status} when resuming a draft; resuming must leave it waiting.");
        }

        // One transaction: the draft becomes the active dialog, or nothing changes. Of two concurrent resumes of the
        // same draft only one can take it, so it never starts twice.
        var state = new StoredDialogState(dialog.Id, dialog.SchemaVersion, step.StateJson!, 0, _timeProvider.GetUtcNow());
        var resumed = await _store.ResumeFromDraftAsync(key, key.User, draftId, state, cancellationToken);
        if (!resumed.Saved)
        {
            // Nothing of ours was saved or sent: another dialog became active here meanwhile, or the draft was taken.
            return await _store.LoadAsync(key, cancellationToken) is { } winner
                ? new DialogTurnResult(DialogTurnStatus.AnotherDialogActive, winner.DialogId, draftId)
                : new DialogTurnResult(DialogTurnStatus.DraftNotFound, DraftId: draftId);
        }

        Log.DraftResumed(_logger, dialog.Id, draftId, turn.TurnId);
        await SendAsync(turn, replies, cancellationToken);
        return new DialogTurnResult(DialogTurnStatus.Waiting, dialog.Id, draftId);
    }

    /// <summary>Deletes one of the user's drafts; false if they have none with that id.</summary>
    public Task<bool> DeleteDraftAsync(ITurnContext turn, string draftId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return _store.DeleteDraftAsync(RequireKey(turn).User, draftId, cancellationToken);
    }

    private async Task<DialogTurnResult> RunActiveAsync(ITurnContext turn, DialogCommand command, CancellationToken cancellationToken)
    {
        if (DialogKey.From(turn.Activity) is not { } key)
        {
            return DialogTurnResult.NoActiveDialog;
        }

        var attempts = Math.Max(1, _options.MaxConcurrencyAttempts);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var active = await _store.LoadAsync(key, cancellationToken);
            if (active is null)
            {
                return DialogTurnResult.NoActiveDialog;
            }

            if (!_dialogs.TryGetValue(active.DialogId, out var dialog))
            {
                Log.StateDiscarded(_logger, active.DialogId, turn.TurnId);
                await _store.DeleteAsync(key, active.Version, cancellationToken);
                return new DialogTurnResult(DialogTurnStatus.StateDiscarded, active.DialogId);
            }

            // Each attempt starts from the freshly loaded state with no replies queued: a re-run never sends twice.
            var replies = new List<Activity>();
            var step = await dialog.RunAsync(command, turn, key, replies, active.SchemaVersion, active.StateJson, cancellationToken);
            if (step.IsUnreadable)
            {
                Log.StateDiscarded(_logger, dialog.Id, turn.TurnId);
                await _store.DeleteAsync(key, active.Version, cancellationToken);
                return new DialogTurnResult(DialogTurnStatus.StateDiscarded, dialog.Id);
            }

            var result = await ApplyAsync(turn, key, dialog, step, active.Version, cancellationToken);
            if (result is not null)
            {
                await SendAsync(turn, replies, cancellationToken);
                return result;
            }

            Log.ConcurrencyConflict(_logger, dialog.Id, attempt, turn.TurnId);
        }

        return new DialogTurnResult(DialogTurnStatus.Conflict);
    }

    /// <summary>Persists a step's outcome; null on a concurrency conflict (nothing was changed).</summary>
    private async Task<DialogTurnResult?> ApplyAsync(
        ITurnContext turn,
        DialogKey key,
        Dialog dialog,
        DialogStep step,
        long? expectedVersion,
        CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        switch (step.Status)
        {
            case DialogStatus.Waiting:
                var saved = await _store.SaveAsync(key, new StoredDialogState(dialog.Id, dialog.SchemaVersion, step.StateJson!, 0, now), expectedVersion, cancellationToken);
                return saved.Saved ? new DialogTurnResult(DialogTurnStatus.Waiting, dialog.Id) : null;

            case DialogStatus.Complete:
            case DialogStatus.Cancelled:
                if (expectedVersion is { } completedVersion && !await _store.DeleteAsync(key, completedVersion, cancellationToken))
                {
                    return null;
                }

                var ended = step.Status == DialogStatus.Complete ? DialogTurnStatus.Completed : DialogTurnStatus.Cancelled;
                Log.DialogEnded(_logger, dialog.Id, ended, turn.TurnId);
                return new DialogTurnResult(ended, dialog.Id);

            case DialogStatus.SavedAsDraft:
                var draft = new StoredDialogDraft(
                    Guid.NewGuid().ToString("N"), key.User, dialog.Id, dialog.SchemaVersion, step.StateJson!, step.DraftLabel ?? dialog.Id, key.ConversationId, now);
                if (expectedVersion is { } draftedVersion)
                {
                    // One transaction: the active state becomes the draft, or nothing changes (stale version). A crash
                    // can neither lose the user's work nor leave two live copies that could both be submitted.
                    if (!await _store.MoveToDraftAsync(key, draftedVersion, draft, cancellationToken))
                    {
                        return null;
                    }
                }
                else
                {
                    // Put aside as it began: there is no active state to remove.
                    await _store.SaveDraftAsync(draft, cancellationToken);
                }

                Log.DraftSaved(_logger, dialog.Id, draft.DraftId, turn.TurnId);
                return new DialogTurnResult(DialogTurnStatus.SavedAsDraft, dialog.Id, draft.DraftId);

            default:
                throw new InvalidOperationException($"Unknown dialog status {step.Status}.");
        }
    }

    private static async Task SendAsync(ITurnContext turn, List<Activity> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            await turn.SendActivityAsync(reply, cancellationToken);
        }
    }

    private DialogCommand Recognise(Activity activity)
    {
        if (ActivityRouter.TryReadSubmit(activity, out var action) || ActivityRouter.TryReadExecute(activity, out action))
        {
            return action.Verb switch
            {
                CancelVerb => DialogCommand.Cancel,
                BackVerb => DialogCommand.Back,
                SaveDraftVerb => DialogCommand.SaveDraft,
                _ => DialogCommand.Continue,
            };
        }

        if (activity.Type != ActivityTypes.Message || string.IsNullOrWhiteSpace(activity.Text))
        {
            return DialogCommand.Continue;
        }

        var text = activity.Text.Trim().TrimEnd('.', '!', '?').Trim();
        return Matches(_options.CancelCommands, text) ? DialogCommand.Cancel
            : Matches(_options.BackCommands, text) ? DialogCommand.Back
            : Matches(_options.SaveDraftCommands, text) ? DialogCommand.SaveDraft
            : DialogCommand.Continue;
    }

    private static bool Matches(IList<string> commands, string text) =>
        commands.Any(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));

    private static DialogKey RequireKey(ITurnContext turn) =>
        DialogKey.From(turn.Activity)
        ?? throw new InvalidOperationException("The activity has no channel id, conversation id or sender id, so it cannot own a dialog.");

    private static partial class Log
    {
        [LoggerMessage(EventId = 1300, Level = LogLevel.Debug, Message = "Dialog {DialogId} begun (turn {TurnId})")]
        public static partial void DialogBegun(ILogger logger, string dialogId, string turnId);

        [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Dialog {DialogId} ended: {Status} (turn {TurnId})")]
        public static partial void DialogEnded(ILogger logger, string dialogId, DialogTurnStatus status, string turnId);

        [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Dialog {DialogId} state changed under turn {TurnId} (attempt {Attempt}); re-running on fresh state")]
        public static partial void ConcurrencyConflict(ILogger logger, string dialogId, int attempt, string turnId);

        [LoggerMessage(EventId = 1303, Level = LogLevel.Warning, Message = "Saved state of dialog {DialogId} could not be read (unregistered dialog or unknown schema) and was discarded (turn {TurnId})")]
        public static partial void StateDiscarded(ILogger logger, string dialogId, string turnId);

        [LoggerMessage(EventId = 1304, Level = LogLevel.Debug, Message = "Dialog {DialogId} saved as draft {DraftId} (turn {TurnId})")]
        public static partial void DraftSaved(ILogger logger, string dialogId, string draftId, string turnId);

        [LoggerMessage(EventId = 1305, Level = LogLevel.Debug, Message = "Draft {DraftId} of dialog {DialogId} resumed (turn {TurnId})")]
        public static partial void DraftResumed(ILogger logger, string dialogId, string draftId, string turnId);
    }
}

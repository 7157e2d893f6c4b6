using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>
/// A multi-turn conversation whose state is a record, persisted between turns with a source-generated contract.
/// Dialogs hold no per-conversation fields: everything a step needs is in <see cref="DialogContext{TState}.State"/>.
/// </summary>
/// <typeparam name="TState">The state record (for example <c>record ReferralState(int Step, …)</c>).</typeparam>
public abstract class Dialog<TState> : Dialog
    where TState : class
{
    /// <summary>The source-generated contract that (de)serialises the state.</summary>
    public abstract JsonTypeInfo<TState> StateTypeInfo { get; }

    /// <summary>Starts the dialog: usually queues the first prompt and returns <see cref="DialogResult.Waiting{TState}"/>.</summary>
    public abstract Task<DialogResult<TState>> BeginAsync(DialogContext context, CancellationToken cancellationToken);

    /// <summary>Handles the user's answer to the current step.</summary>
    public abstract Task<DialogResult<TState>> ContinueAsync(DialogContext<TState> context, CancellationToken cancellationToken);

    /// <summary>
    /// Queues the prompt of the current step again: after "back", and when the dialog is resumed from a draft.
    /// </summary>
    public abstract Task RepromptAsync(DialogContext<TState> context, CancellationToken cancellationToken);

    /// <summary>
    /// What "back" means for this dialog: the state one step earlier (for example with the step index lowered), or
    /// null when there is nothing to go back to (the current step is prompted again).
    /// </summary>
    public virtual TState? GoBack(TState state) => null;

    /// <summary>Runs when the user cancels, before the state is deleted (for example to confirm that nothing was saved).</summary>
    public virtual Task OnCancelledAsync(DialogContext<TState> context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs when the user says "save for later", before the state becomes a draft (for example to confirm how to resume).</summary>
    public virtual Task OnSavingDraftAsync(DialogContext<TState> context, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The label shown to the owner in their list of drafts.</summary>
    public virtual string DescribeDraft(TState state) => Id;

    /// <summary>
    /// Reads state saved by an older <see cref="Dialog.SchemaVersion"/>. Returns null when it cannot, and the saved
    /// state is then discarded (the manager reports <see cref="DialogTurnStatus.StateDiscarded"/>).
    /// </summary>
    protected virtual TState? UpgradeState(int storedSchemaVersion, string stateJson) => null;

    internal sealed override async Task<DialogStep> BeginAsync(ITurnContext turn, DialogKey key, List<Activity> replies, CancellationToken cancellationToken)
    {
        var result = await BeginAsync(new DialogContext(turn, key, replies), cancellationToken);
        return ToStep(result);
    }

    internal sealed override async Task<DialogStep> RunAsync(
        DialogCommand command,
        ITurnContext turn,
        DialogKey key,
        List<Activity> replies,
        int schemaVersion,
        string stateJson,
        CancellationToken cancellationToken)
    {
        var state = ReadState(schemaVersion, stateJson);
        if (state is null)
        {
            return DialogStep.Unreadable;
        }

        var context = new DialogContext<TState>(turn, key, replies, state);
        switch (command)
        {
            case DialogCommand.Continue:
                return ToStep(await ContinueAsync(context, cancellationToken));

            case DialogCommand.Back:
                var previous = GoBack(state) ?? state;
                await RepromptAsync(new DialogContext<TState>(turn, key, replies, previous), cancellationToken);
                return ToStep(DialogResult<TState>.Waiting(previous));

            case DialogCommand.Resume:
                await RepromptAsync(context, cancellationToken);
                return ToStep(DialogResult<TState>.Waiting(state));

            case DialogCommand.Cancel:
                await OnCancelledAsync(context, cancellationToken);
                return ToStep(DialogResult.Cancelled);

            case DialogCommand.SaveDraft:
                await OnSavingDraftAsync(context, cancellationToken);
                return ToStep(DialogResult<TState>.SaveAsDraft(state));

            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown dialog command.");
        }
    }

    private TState? ReadState(int schemaVersion, string stateJson)
    {
        try
        {
            return schemaVersion == SchemaVersion
                ? JsonSerializer.Deserialize(stateJson, StateTypeInfo)
                : UpgradeState(schemaVersion, stateJson);
        }
        catch (JsonException)
        {
            // Translated at the boundary: unreadable state is discarded, never shown to the user.
            return null;
        }
    }

    private DialogStep ToStep(DialogResult<TState> result) => result.Status switch
    {
        DialogStatus.Waiting => new DialogStep(DialogStatus.Waiting, Serialise(result.State), null),
        DialogStatus.SavedAsDraft => new DialogStep(DialogStatus.SavedAsDraft, Serialise(result.State), DescribeDraft(result.State!)),
        _ => new DialogStep(result.Status, null, null),
    };

    private string Serialise(TState? state) =>
        JsonSerializer.Serialize(state ?? throw new InvalidOperationException($"Dialog '{Id}' returned no state with a Waiting or SaveAsDraft result."), StateTypeInfo);
}

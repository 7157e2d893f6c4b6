namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>The outcome of a dialog step: a status, and the state to keep when the dialog is not over.</summary>
/// <typeparam name="TState">The dialog's state record.</typeparam>
public readonly record struct DialogResult<TState>
    where TState : class
{
    private DialogResult(DialogStatus status, TState? state)
    {
        Status = status;
        State = state;
    }

    public DialogStatus Status { get; }

    /// <summary>The state to keep: set for <see cref="DialogStatus.Waiting"/> and <see cref="DialogStatus.SavedAsDraft"/>.</summary>
    public TState? State { get; }

    internal static DialogResult<TState> Waiting(TState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(DialogStatus.Waiting, state);
    }

    internal static DialogResult<TState> SaveAsDraft(TState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(DialogStatus.SavedAsDraft, state);
    }

    /// <summary>A stateless outcome (<see cref="DialogResult.Complete"/> or <see cref="DialogResult.Cancelled"/>).</summary>
    public static implicit operator DialogResult<TState>(DialogResult result) => new(result.Status, null);
}

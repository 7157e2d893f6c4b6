namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>
/// The outcome of a dialog step without state: <see cref="Complete"/> or <see cref="Cancelled"/>. Converts
/// implicitly to <see cref="DialogResult{TState}"/>, so a step can <c>return DialogResult.Complete;</c>.
/// Steps that keep state use <see cref="Waiting{TState}"/>.
/// </summary>
public readonly record struct DialogResult
{
    private DialogResult(DialogStatus status) => Status = status;

    public DialogStatus Status { get; }

    /// <summary>The dialog finished.</summary>
    public static DialogResult Complete { get; } = new(DialogStatus.Complete);

    /// <summary>The dialog gave up.</summary>
    public static DialogResult Cancelled { get; } = new(DialogStatus.Cancelled);

    /// <summary>Keep the dialog active with <paramref name="state"/>.</summary>
    public static DialogResult<TState> Waiting<TState>(TState state)
        where TState : class => DialogResult<TState>.Waiting(state);

    /// <summary>Put the dialog aside as a draft holding <paramref name="state"/> (for example a "Save for later" button).</summary>
    public static DialogResult<TState> SaveAsDraft<TState>(TState state)
        where TState : class => DialogResult<TState>.SaveAsDraft(state);
}

namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>The type-erased outcome of one dialog step, with the state already serialised.</summary>
/// <param name="Status">What to do next.</param>
/// <param name="StateJson">The state to keep, for <see cref="DialogStatus.Waiting"/> and <see cref="DialogStatus.SavedAsDraft"/>.</param>
/// <param name="DraftLabel">The label of a draft, for <see cref="DialogStatus.SavedAsDraft"/>.</param>
internal readonly record struct DialogStep(DialogStatus Status, string? StateJson, string? DraftLabel)
{
    /// <summary>The stored state could not be read (unknown schema version or malformed JSON).</summary>
    public bool IsUnreadable { get; private init; }

    public static DialogStep Unreadable { get; } = new(DialogStatus.Cancelled, null, null) { IsUnreadable = true };
}

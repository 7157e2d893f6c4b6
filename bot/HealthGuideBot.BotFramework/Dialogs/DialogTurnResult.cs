namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>The outcome of a turn handed to the <see cref="DialogManager"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="DialogId">The dialog involved, when there was one.</param>
/// <param name="DraftId">The draft saved or resumed, when there was one.</param>
public sealed record DialogTurnResult(DialogTurnStatus Status, string? DialogId = null, string? DraftId = null)
{
    public static DialogTurnResult NoActiveDialog { get; } = new(DialogTurnStatus.NoActiveDialog);
}

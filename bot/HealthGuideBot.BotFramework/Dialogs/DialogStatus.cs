namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>What a dialog step asks the manager to do next.</summary>
public enum DialogStatus
{
    /// <summary>Keep the dialog active with the new state and wait for the user's next turn.</summary>
    Waiting,

    /// <summary>The dialog finished; its state is deleted.</summary>
    Complete,

    /// <summary>The dialog gave up; its state is deleted.</summary>
    Cancelled,

    /// <summary>Put the dialog aside as a draft of the user, to resume later; the active state is deleted.</summary>
    SavedAsDraft,
}

namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>What the <see cref="DialogManager"/> did with a turn, for the caller to decide what else to do.</summary>
public enum DialogTurnStatus
{
    /// <summary>The user has no active dialog in this conversation: route the turn elsewhere.</summary>
    NoActiveDialog,

    /// <summary>The dialog is waiting for the user's next turn.</summary>
    Waiting,

    /// <summary>The dialog finished.</summary>
    Completed,

    /// <summary>The dialog was cancelled, by the user or by itself.</summary>
    Cancelled,

    /// <summary>The dialog was put aside as one of the user's drafts.</summary>
    SavedAsDraft,

    /// <summary>Nothing was started: the user already has an active dialog here (finish, cancel or save it first).</summary>
    AnotherDialogActive,

    /// <summary>The user has no draft with that id.</summary>
    DraftNotFound,

    /// <summary>The saved state could not be read (unknown dialog or schema) and was deleted.</summary>
    StateDiscarded,

    /// <summary>Other turns kept saving first; the turn was not applied.</summary>
    Conflict,
}

namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>What the manager asks of an active dialog on a turn.</summary>
internal enum DialogCommand
{
    /// <summary>The user answered: run the next step.</summary>
    Continue,

    /// <summary>The user said "back": step back and prompt again.</summary>
    Back,

    /// <summary>The dialog was resumed from a draft: prompt again for the current step.</summary>
    Resume,

    /// <summary>The user said "cancel".</summary>
    Cancel,

    /// <summary>The user said "save for later".</summary>
    SaveDraft,
}

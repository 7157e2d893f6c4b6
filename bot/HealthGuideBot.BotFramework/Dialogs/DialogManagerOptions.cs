namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>The words that control any dialog, and the concurrency policy. Bound to section <see cref="Section"/>.</summary>
public sealed class DialogManagerOptions
{
    public const string Section = "Dialogs";

    /// <summary>Messages that cancel the active dialog (compared ignoring case and trailing punctuation).</summary>
    public IList<string> CancelCommands { get; } = ["cancel"];

    /// <summary>Messages that step the active dialog back.</summary>
    public IList<string> BackCommands { get; } = ["back"];

    /// <summary>Messages that put the active dialog aside as a draft.</summary>
    public IList<string> SaveDraftCommands { get; } = ["save for later"];

    /// <summary>How many times a turn is re-run on fresh state when another turn saved first.</summary>
    public int MaxConcurrencyAttempts { get; set; } = 3;
}

namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>The outcome of saving dialog state under optimistic concurrency.</summary>
/// <param name="Saved">False when the stored version was not the expected one (another turn saved first).</param>
/// <param name="Version">The new version when saved; 0 on a conflict.</param>
public readonly record struct DialogSaveResult(bool Saved, long Version)
{
    public static DialogSaveResult Conflict { get; } = new(false, 0);

    public static DialogSaveResult Success(long version) => new(true, version);
}

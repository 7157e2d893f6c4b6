using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>
/// A multi-turn conversation with typed state. Derive from <see cref="Dialog{TState}"/>; this non-generic base lets
/// the <see cref="DialogManager"/> hold dialogs of different state types.
/// </summary>
public abstract class Dialog
{
    private protected Dialog()
    {
    }

    /// <summary>A stable id, stored with the state: renaming it orphans every saved dialog and draft.</summary>
    public abstract string Id { get; }

    /// <summary>The version of the state record's shape. Raise it when the record changes incompatibly.</summary>
    public virtual int SchemaVersion => 1;

    internal abstract Task<DialogStep> BeginAsync(ITurnContext turn, DialogKey key, List<Activity> replies, CancellationToken cancellationToken);

    internal abstract Task<DialogStep> RunAsync(
        DialogCommand command,
        ITurnContext turn,
        DialogKey key,
        List<Activity> replies,
        int schemaVersion,
        string stateJson,
        CancellationToken cancellationToken);
}

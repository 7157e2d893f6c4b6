using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>A dialog step's view of the turn, with the dialog's saved state.</summary>
/// <typeparam name="TState">The dialog's state record.</typeparam>
public sealed class DialogContext<TState> : DialogContext
    where TState : class
{
    internal DialogContext(ITurnContext turn, DialogKey key, List<Activity> replies, TState state)
        : base(turn, key, replies)
    {
        State = state;
    }

    /// <summary>The state saved by the previous step (never null).</summary>
    public TState State { get; }
}

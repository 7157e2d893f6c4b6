using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>
/// What a dialog step sees of the turn. Replies queued with <see cref="Reply"/> are sent only after the new state
/// is saved, so a step re-run after a concurrency conflict never sends twice and a prompt never runs ahead of the
/// state that expects its answer.
/// </summary>
public class DialogContext
{
    private readonly List<Activity> _replies;

    internal DialogContext(ITurnContext turn, DialogKey key, List<Activity> replies)
    {
        Turn = turn;
        Key = key;
        _replies = replies;
    }

    /// <summary>The turn: the inbound activity, the caller, the turn's services.</summary>
    public ITurnContext Turn { get; }

    /// <summary>The (channel, conversation, user) the dialog belongs to.</summary>
    public DialogKey Key { get; }

    /// <summary>The user's text, trimmed (mentions of the bot are already removed), or empty.</summary>
    public string Text => Turn.Activity.Text?.Trim() ?? string.Empty;

    /// <summary>The card action the user pressed on this turn (<c>Action.Submit</c> or <c>Action.Execute</c>), or null.</summary>
    public CardActionRequest? CardAction =>
        ActivityRouter.TryReadSubmit(Turn.Activity, out var submit) ? submit
        : ActivityRouter.TryReadExecute(Turn.Activity, out var execute) ? execute
        : null;

    /// <summary>Queues a reply, sent once the dialog's state is saved.</summary>
    public void Reply(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _replies.Add(activity);
    }
}

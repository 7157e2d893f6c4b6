using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.BotFramework.Turns;

/// <summary>
/// One inbound activity and the means to answer it. Lives exactly one turn: to talk later, store a
/// <see cref="ConversationReference"/> and use <see cref="IProactiveMessenger"/>.
/// </summary>
public interface ITurnContext
{
    /// <summary>The inbound activity, after validation, sanitising and mention stripping of <see cref="Activity.Text"/>.</summary>
    Activity Activity { get; }

    /// <summary>The authenticated caller.</summary>
    BotCaller Caller { get; }

    /// <summary>Services scoped to this turn (a fresh scope per turn: DbContext and friends live here).</summary>
    IServiceProvider Services { get; }

    /// <summary>A correlation id for logs: identifies the turn, carries no content.</summary>
    string TurnId { get; }

    /// <summary>
    /// Sends an activity to the conversation of the inbound activity. Addressing fields (conversation, from,
    /// recipient, serviceUrl, channelId, replyToId) are filled in from the inbound activity when absent.
    /// </summary>
    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces one of the bot's own earlier messages.</summary>
    Task<ResourceResponse> UpdateActivityAsync(string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Deletes one of the bot's own earlier messages.</summary>
    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken);

    /// <summary>The reference to this conversation, for proactive messages later.</summary>
    ConversationReference GetConversationReference();
}

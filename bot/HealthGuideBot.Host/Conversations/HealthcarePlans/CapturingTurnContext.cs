using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>
/// A turn whose replies are kept instead of sent, so that a dialog's reply to an <c>Action.Execute</c> can become the
/// invoke response (the card is replaced in place) rather than a new message under it.
/// </summary>
internal sealed class CapturingTurnContext : ITurnContext
{
    private readonly ITurnContext _inner;
    private readonly List<Activity> _captured = [];

    public CapturingTurnContext(ITurnContext inner) => _inner = inner;

    public Activity Activity => _inner.Activity;

    public BotCaller Caller => _inner.Caller;

    public IServiceProvider Services => _inner.Services;

    public string TurnId => _inner.TurnId;

    public IReadOnlyList<Activity> Captured => _captured;

    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        cancellationToken.ThrowIfCancellationRequested();
        _captured.Add(activity);
        return Task.FromResult(new ResourceResponse { Id = $"captured-{_captured.Count}" });
    }

    public Task<ResourceResponse> UpdateActivityAsync(string activityId, Activity activity, CancellationToken cancellationToken) =>
        _inner.UpdateActivityAsync(activityId, activity, cancellationToken);

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken) =>
        _inner.DeleteActivityAsync(activityId, cancellationToken);

    public ConversationReference GetConversationReference() => _inner.GetConversationReference();
}

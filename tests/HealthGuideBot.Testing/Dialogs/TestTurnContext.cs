using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.Testing.Dialogs;

/// <summary>A turn for dialog tests: records what the bot sends instead of calling a connector.</summary>
public sealed class TestTurnContext : ITurnContext
{
    public TestTurnContext(Activity activity, IServiceProvider? services = null)
    {
        Activity = activity;
        Services = services ?? EmptyServiceProvider.Instance;
    }

    public Activity Activity { get; }

    public BotCaller Caller => BotCaller.UnauthenticatedDevelopment;

    public IServiceProvider Services { get; }

    public string TurnId { get; } = Guid.NewGuid().ToString("N");

    public List<Activity> Sent { get; } = [];

    /// <summary>The texts sent, in order.</summary>
    public IReadOnlyList<string?> SentTexts => [.. Sent.Select(a => a.Text)];

    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        Sent.Add(activity);
        return Task.FromResult(new ResourceResponse { Id = $"sent-{Sent.Count}" });
    }

    public Task<ResourceResponse> UpdateActivityAsync(string activityId, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(new ResourceResponse { Id = activityId });

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken) => Task.CompletedTask;

    public ConversationReference GetConversationReference() => Activity.ToConversationReference();

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static EmptyServiceProvider Instance { get; } = new();

        public object? GetService(Type serviceType) => null;
    }
}

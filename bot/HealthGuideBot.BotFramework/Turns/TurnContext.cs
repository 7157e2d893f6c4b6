using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.BotFramework.Turns;

/// <summary>The turn context for one inbound or proactive turn.</summary>
internal sealed class TurnContext : ITurnContext
{
    private readonly IConnectorClient _connector;

    public TurnContext(Activity activity, BotCaller caller, IServiceProvider services, IConnectorClient connector, string turnId)
    {
        Activity = activity;
        Caller = caller;
        Services = services;
        _connector = connector;
        TurnId = turnId;
    }

    public Activity Activity { get; }

    public BotCaller Caller { get; }

    public IServiceProvider Services { get; }

    public string TurnId { get; }

    public Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        var outbound = Address(activity);
        var conversationId = RequireConversationId();
        var serviceUrl = RequireServiceUrl();

        // A reply is threaded to the inbound activity when there is one; proactive turns have no inbound id.
        return Activity.Id is { Length: > 0 } inboundId && Activity.Type != ActivityTypes.ConversationUpdate
            && Activity.Type != ActivityTypes.InstallationUpdate
            ? _connector.ReplyToActivityAsync(serviceUrl, conversationId, inboundId, outbound with { ReplyToId = outbound.ReplyToId ?? inboundId }, cancellationToken)
            : _connector.SendToConversationAsync(serviceUrl, conversationId, outbound, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(string activityId, Activity activity, CancellationToken cancellationToken) =>
        _connector.UpdateActivityAsync(RequireServiceUrl(), RequireConversationId(), activityId, Address(activity) with { Id = activityId }, cancellationToken);

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken) =>
        _connector.DeleteActivityAsync(RequireServiceUrl(), RequireConversationId(), activityId, cancellationToken);

    public ConversationReference GetConversationReference() => Activity.ToConversationReference();

    private Activity Address(Activity activity) => activity with
    {
        Type = activity.Type ?? ActivityTypes.Message,
        ChannelId = activity.ChannelId ?? Activity.ChannelId,
        ServiceUrl = activity.ServiceUrl ?? Activity.ServiceUrl,
        Conversation = activity.Conversation ?? Activity.Conversation,
        From = activity.From ?? Activity.Recipient,
        Recipient = activity.Recipient ?? Activity.From,
        Locale = activity.Locale ?? Activity.Locale,
    };

    private string RequireConversationId() =>
        Activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id; the endpoint rejects such activities before a turn starts.");

    private string RequireServiceUrl() =>
        Activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl; the endpoint rejects such activities before a turn starts.");
}

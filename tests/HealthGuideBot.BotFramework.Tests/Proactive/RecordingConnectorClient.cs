using System.Net;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.BotFramework.Tests.Proactive;

/// <summary>A connector that records calls, and can refuse sends with 403 as Teams does for a removed bot.</summary>
internal sealed class RecordingConnectorClient : IConnectorClient
{
    public bool RefuseWithForbidden { get; set; }

    public List<(string Method, string ServiceUrl, string ConversationId, Activity Activity)> Calls { get; } = [];

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        Record("send", serviceUrl, conversationId, activity);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record("reply", serviceUrl, conversationId, activity);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record("update", serviceUrl, conversationId, activity);

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        Record("delete", serviceUrl, conversationId, new Activity());

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Not used by these tests.");

    private Task<ResourceResponse> Record(string method, string serviceUrl, string conversationId, Activity activity)
    {
        if (RefuseWithForbidden)
        {
            throw new ConnectorException(HttpStatusCode.Forbidden, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
        }

        Calls.Add((method, serviceUrl, conversationId, activity));
        return Task.FromResult(new ResourceResponse { Id = $"activity-{Calls.Count}" });
    }
}

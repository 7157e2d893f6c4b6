using System.Collections.Concurrent;
using System.Net;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.Host.Tests.Reviews;

/// <summary>
/// A connector that records proactive sends and create-conversation calls with their parameters, and answers 403
/// for conversations the bot has been removed from.
/// </summary>
internal sealed class ScriptedConnector : IConnectorClient
{
    private readonly ConcurrentQueue<(string ConversationId, Activity Activity)> _sent = new();
    private readonly ConcurrentQueue<(string ServiceUrl, ConversationParameters Parameters)> _created = new();
    private int _ids;
    private int _conversationIds;

    /// <summary>Conversations whose sends are refused with 403 (the bot was removed).</summary>
    public ConcurrentDictionary<string, bool> RemovedFrom { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<(string ConversationId, Activity Activity)> Sent => [.. _sent];

    public IReadOnlyList<(string ServiceUrl, ConversationParameters Parameters)> Created => [.. _created];

    /// <summary>The review prompt cards sent to a conversation (replies to the user's own messages excluded).</summary>
    public IReadOnlyList<string> PromptsTo(string conversationId) =>
        [.. Sent.Where(s => s.ConversationId == conversationId && s.Activity.Attachments is { Count: > 0 })
            .Select(s => s.Activity.Attachments![0].Content!.ToJsonString())
            .Where(json => json.Contains("Healthcare plan review", StringComparison.Ordinal) || json.Contains("healthcare plan review", StringComparison.Ordinal))];

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        if (RemovedFrom.ContainsKey(conversationId))
        {
            throw new ConnectorException(HttpStatusCode.Forbidden, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
        }

        _sent.Enqueue((conversationId, activity));
        return Task.FromResult(new ResourceResponse { Id = $"sent-{Interlocked.Increment(ref _ids)}" });
    }

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Task.FromResult(new ResourceResponse { Id = activityId });

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        _created.Enqueue((serviceUrl, parameters));
        return Task.FromResult(new ConversationResourceResponse { Id = $"a:created-{Interlocked.Increment(ref _conversationIds)}" });
    }
}

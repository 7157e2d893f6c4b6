using System.Collections.Concurrent;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.Testing;

/// <summary>
/// An in-memory <see cref="IConnectorClient"/> that records every outbound call, for host tests that check what the
/// bot sent without a network. <see cref="WaitForAsync"/> waits on a signal, never on a timer.
/// </summary>
public sealed class RecordingConnector : IConnectorClient, IDisposable
{
    private readonly ConcurrentQueue<SentActivity> _sent = new();
    private readonly SemaphoreSlim _signal = new(0);
    private int _ids;

    /// <summary>Every activity sent, replied, updated or created, in order.</summary>
    public IReadOnlyList<SentActivity> Sent => [.. _sent];

    /// <summary>Activities sent to one conversation.</summary>
    public IReadOnlyList<SentActivity> SentTo(string conversationId) =>
        [.. _sent.Where(s => string.Equals(s.ConversationId, conversationId, StringComparison.Ordinal))];

    /// <summary>Waits until at least <paramref name="count"/> activities were sent to the conversation, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<SentActivity>> WaitForAsync(string conversationId, int count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (SentTo(conversationId).Count < count)
        {
            try
            {
                await _signal.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} activities in {conversationId}, got {SentTo(conversationId).Count}.");
            }
        }

        return SentTo(conversationId);
    }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        Record(new SentActivity("send", serviceUrl, conversationId, null, activity));

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record(new SentActivity("reply", serviceUrl, conversationId, activityId, activity));

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record(new SentActivity("update", serviceUrl, conversationId, activityId, activity));

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        Record(new SentActivity("delete", serviceUrl, conversationId, activityId, null));

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        var id = $"created-{Interlocked.Increment(ref _ids)}";
        _sent.Enqueue(new SentActivity("create", serviceUrl, id, null, parameters.Activity));
        _signal.Release();
        return Task.FromResult(new ConversationResourceResponse { Id = id, ServiceUrl = serviceUrl });
    }

    public void Dispose() => _signal.Dispose();

    private Task<ResourceResponse> Record(SentActivity sent)
    {
        _sent.Enqueue(sent);
        _signal.Release();
        return Task.FromResult(new ResourceResponse { Id = $"sent-{Interlocked.Increment(ref _ids)}" });
    }
}

/// <summary>One outbound call seen by <see cref="RecordingConnector"/>.</summary>
public sealed record SentActivity(string Kind, string ServiceUrl, string ConversationId, string? ActivityId, Activity? Activity);

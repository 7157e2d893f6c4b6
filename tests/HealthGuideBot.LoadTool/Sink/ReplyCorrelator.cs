using System.Collections.Concurrent;
using HealthGuideBot.LoadTool.Load;

namespace HealthGuideBot.LoadTool.Sink;

/// <summary>
/// Matches replies arriving at the sink to the activities sent: by <c>replyToId</c> (body or URL), else by the
/// conversation's one activity in flight. A reply naming another conversation than its activity's is not credited.
/// Only <c>message</c> activities are replies: a typing indicator before an answer card is counted apart, never as the reply.
/// </summary>
internal sealed class ReplyCorrelator
{
    private readonly ConcurrentDictionary<string, PendingReply> _byActivityId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PendingReply> _inFlightByConversation = new(StringComparer.Ordinal);
    private long _unmatched;
    private long _otherActivities;

    /// <summary>Message replies that matched no activity sent (wrong conversation, unknown replyToId, after a phase was cleared).</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    /// <summary>Non-message activities received (typing indicators and the like); not replies.</summary>
    public long OtherActivities => Interlocked.Read(ref _otherActivities);

    public PendingReply Register(string activityId, string conversationId, PhaseCounters counters, bool cardRequired = false)
    {
        var pending = new PendingReply(activityId, conversationId, counters, cardRequired);
        _byActivityId[activityId] = pending;
        _inFlightByConversation[conversationId] = pending;
        return pending;
    }

    /// <summary>The worker is done with this activity; later replies still count as duplicates or late.</summary>
    public void EndInFlight(PendingReply pending) =>
        _inFlightByConversation.TryRemove(new KeyValuePair<string, PendingReply>(pending.ConversationId, pending));

    public void OnActivity(string? type, string? conversationId, string? replyToId, long arrivalTimestamp, bool hasCard = false)
    {
        if (!string.Equals(type, "message", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _otherActivities);
            return;
        }

        PendingReply? pending = null;
        if (!string.IsNullOrEmpty(replyToId))
        {
            _byActivityId.TryGetValue(replyToId, out pending);
        }
        else if (conversationId is not null)
        {
            _inFlightByConversation.TryGetValue(conversationId, out pending);
        }

        if (pending is null || !string.Equals(pending.ConversationId, conversationId, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _unmatched);
            return;
        }

        pending.OnReply(arrivalTimestamp, hasCard);
    }

    /// <summary>Forgets every activity: called between phases so memory stays bounded.</summary>
    public void Clear()
    {
        _byActivityId.Clear();
        _inFlightByConversation.Clear();
    }
}

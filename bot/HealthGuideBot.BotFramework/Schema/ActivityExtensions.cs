using System.Text.Json;

namespace HealthGuideBot.BotFramework.Schema;

/// <summary>Helpers over <see cref="Activity"/> that the specification defines (spec "Mention", "Conversation reference").</summary>
public static class ActivityExtensions
{
    /// <summary>The reference needed to continue this conversation later.</summary>
    public static ConversationReference ToConversationReference(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new ConversationReference
        {
            ActivityId = activity.Id,
            User = activity.From,
            Bot = activity.Recipient,
            Conversation = activity.Conversation ?? throw new ArgumentException("The activity has no conversation.", nameof(activity)),
            ChannelId = activity.ChannelId ?? throw new ArgumentException("The activity has no channelId.", nameof(activity)),
            ServiceUrl = activity.ServiceUrl ?? throw new ArgumentException("The activity has no serviceUrl.", nameof(activity)),
            Locale = activity.Locale,
        };
    }

    /// <summary>
    /// The Teams tenant id of the activity: <c>channelData.tenant.id</c>, where Teams puts it.
    /// </summary>
    public static string? GetChannelDataTenantId(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } channelData
            && channelData.TryGetProperty("tenant", out var tenant)
            && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id)
            && id.ValueKind == JsonValueKind.String)
        {
            return id.GetString();
        }

        return null;
    }

    /// <summary>
    /// The text with every mention of <paramref name="recipientId"/> removed (spec: mention entities carry the
    /// exact text of the mention, e.g. <c>&lt;at&gt;HealthGuideBot&lt;/at&gt;</c>), trimmed.
    /// </summary>
    public static string GetTextWithoutMentionsOf(this Activity activity, string? recipientId)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        if (activity.Entities is { Count: > 0 } entities && recipientId is not null)
        {
            foreach (var entity in entities)
            {
                if (string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(entity.Mentioned?.Id, recipientId, StringComparison.Ordinal)
                    && entity.Text is { Length: > 0 } mentionText)
                {
                    text = text.Replace(mentionText, string.Empty, StringComparison.Ordinal);
                }
            }
        }

        return text.Trim();
    }
}

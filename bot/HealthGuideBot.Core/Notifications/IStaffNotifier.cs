using System.Text.Json;

namespace HealthGuideBot.Core.Notifications;

/// <summary>
/// Sends a proactive 1:1 Teams message to a member of staff: through the stored personal conversation, or by creating
/// one (Teams create-conversation with the tenant id) when none is stored. Each <see cref="StaffNotification.Key"/> is
/// sent at most once, even across restarts. When the channel answers 403 (the bot was removed), the reference is
/// marked inactive and the result says so, so the caller can alert someone else (the SENCO).
/// </summary>
public interface IStaffNotifier
{
    Task<NotificationResult> NotifyAsync(StaffNotification notification, CancellationToken cancellationToken);
}

/// <summary>One proactive message.</summary>
/// <param name="Key">Deterministic once-only key, for example <c>review:plan-7f3c:v2:due-2027-03-01:nurse</c>.</param>
/// <param name="UserId">The recipient's Entra object id.</param>
/// <param name="Card">The Adaptive Card content (bound from a template in <c>cards/</c>).</param>
/// <param name="FallbackText">Short text for notifications and clients without cards; no pupil names.</param>
public sealed record StaffNotification(string Key, string UserId, JsonElement Card, string FallbackText);

/// <summary>How a notification went.</summary>
public enum NotificationResult
{
    Sent,

    /// <summary>Sent before under the same key; nothing was sent now.</summary>
    AlreadySent,

    /// <summary>The bot is not installed for the user (403) or no conversation could be created; reference marked inactive.</summary>
    Unreachable,
}

using System.Collections.Concurrent;
using HealthGuideBot.Core.Notifications;

namespace HealthGuideBot.Testing.Notifications;

/// <summary>An <see cref="IStaffNotifier"/> that records what it is asked to send and keeps the once-per-key promise.</summary>
public sealed class RecordingStaffNotifier : IStaffNotifier
{
    private readonly ConcurrentDictionary<string, StaffNotification> _sent = new(StringComparer.Ordinal);

    /// <summary>Users who cannot be reached (the bot was removed).</summary>
    public HashSet<string> Unreachable { get; } = new(StringComparer.Ordinal);

    /// <summary>Every notification sent, by key.</summary>
    public IReadOnlyDictionary<string, StaffNotification> Sent => _sent;

    public Task<NotificationResult> NotifyAsync(StaffNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (Unreachable.Contains(notification.UserId))
        {
            return Task.FromResult(NotificationResult.Unreachable);
        }

        return Task.FromResult(_sent.TryAdd(notification.Key, notification) ? NotificationResult.Sent : NotificationResult.AlreadySent);
    }
}

using System.Collections.Concurrent;
using HealthGuideBot.Core.Notifications;

namespace HealthGuideBot.Host.Tests.Attendance;

/// <summary>Stands in for the proactive notifier: records what would be sent, once per key as the real one promises.</summary>
internal sealed class RecordingStaffNotifier : IStaffNotifier
{
    private readonly ConcurrentDictionary<string, StaffNotification> _sent = new(StringComparer.Ordinal);

    public IReadOnlyCollection<StaffNotification> Sent => [.. _sent.Values];

    public Task<NotificationResult> NotifyAsync(StaffNotification notification, CancellationToken cancellationToken) =>
        Task.FromResult(_sent.TryAdd(notification.Key, notification) ? NotificationResult.Sent : NotificationResult.AlreadySent);
}

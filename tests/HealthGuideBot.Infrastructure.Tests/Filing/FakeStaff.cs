using System.Collections.Concurrent;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Notifications;

namespace HealthGuideBot.Infrastructure.Tests.Filing;

internal sealed class FakeStaffDirectory(params StaffMember[] staff) : IStaffDirectory
{
    public ValueTask<StaffMember?> FindAsync(string userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(staff.FirstOrDefault(s => s.UserId == userId));

    public ValueTask<IReadOnlyList<StaffMember>> InRoleAsync(StaffRole role, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<StaffMember>>([.. staff.Where(s => s.HasRole(role))]);

    public static StaffMember Member(string id, params StaffRole[] roles) =>
        new(id, "Staff " + id, null, new HashSet<StaffRole>(roles), new HashSet<string>());
}

/// <summary>Records notifications, once per key like the real notifier.</summary>
internal sealed class FakeStaffNotifier : IStaffNotifier
{
    private readonly ConcurrentDictionary<string, StaffNotification> _sent = new(StringComparer.Ordinal);

    public IReadOnlyList<StaffNotification> Sent => [.. _sent.Values];

    public int Calls { get; private set; }

    public Task<NotificationResult> NotifyAsync(StaffNotification notification, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(_sent.TryAdd(notification.Key, notification) ? NotificationResult.Sent : NotificationResult.AlreadySent);
    }
}

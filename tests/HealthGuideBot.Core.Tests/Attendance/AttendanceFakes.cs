using System.Text.Json;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Attendance;
using HealthGuideBot.Core.Notifications;
using HealthGuideBot.Core.Pupils;

namespace HealthGuideBot.Core.Tests.Attendance;

/// <summary>An in-memory <see cref="IAttendanceStore"/> with the same semantics as the EF store.</summary>
internal sealed class InMemoryAttendanceStore : IAttendanceStore
{
    private readonly Dictionary<(string, DateOnly, AttendanceSession), string> _sessions = [];

    public Dictionary<string, AttendancePromptRecord> Prompts { get; } = new(StringComparer.Ordinal);

    public Task<AttendanceChanges> ApplyAsync(IReadOnlyList<AttendanceRecord> health, IReadOnlyList<AttendanceRecord> cleared, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int added = 0, updated = 0, unchanged = 0, removed = 0;
        foreach (var r in health)
        {
            if (!_sessions.TryGetValue((r.PupilId, r.Date, r.Session), out var code))
            {
                added++;
            }
            else if (code == r.Code)
            {
                unchanged++;
            }
            else
            {
                updated++;
            }

            _sessions[(r.PupilId, r.Date, r.Session)] = r.Code;
        }

        foreach (var r in cleared)
        {
            removed += _sessions.Remove((r.PupilId, r.Date, r.Session)) ? 1 : 0;
        }

        return Task.FromResult(new AttendanceChanges(added, updated, unchanged, removed));
    }

    public Task<IReadOnlyDictionary<string, int>> CountSessionsAsync(DateOnly first, DateOnly last, IReadOnlySet<string> codes, IReadOnlyCollection<string>? pupilIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(_sessions
            .Where(s => s.Key.Item2 >= first && s.Key.Item2 <= last && codes.Contains(s.Value) && (pupilIds is null || pupilIds.Contains(s.Key.Item1)))
            .GroupBy(s => s.Key.Item1)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal));

    public Task<bool> HasPromptAsync(string key, CancellationToken cancellationToken) => Task.FromResult(Prompts.ContainsKey(key));

    public Task RecordPromptAsync(AttendancePromptRecord prompt, CancellationToken cancellationToken)
    {
        Prompts.TryAdd(prompt.Key, prompt);
        return Task.CompletedTask;
    }
}

/// <summary>Records notifications; like the real notifier, a key is sent once, and chosen users are unreachable.</summary>
internal sealed class RecordingStaffNotifier : IStaffNotifier
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public List<StaffNotification> Sent { get; } = [];

    public HashSet<string> Unreachable { get; } = new(StringComparer.Ordinal);

    public Task<NotificationResult> NotifyAsync(StaffNotification notification, CancellationToken cancellationToken)
    {
        if (Unreachable.Contains(notification.UserId))
        {
            return Task.FromResult(NotificationResult.Unreachable);
        }

        if (!_keys.Add(notification.Key))
        {
            return Task.FromResult(NotificationResult.AlreadySent);
        }

        Sent.Add(notification);
        return Task.FromResult(NotificationResult.Sent);
    }
}

internal sealed class FakeStaffDirectory(params StaffMember[] staff) : IStaffDirectory
{
    public List<StaffMember> Staff { get; } = [.. staff];

    public ValueTask<StaffMember?> FindAsync(string userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Staff.FirstOrDefault(s => s.UserId == userId));

    public ValueTask<IReadOnlyList<StaffMember>> InRoleAsync(StaffRole role, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<StaffMember>>([.. Staff.Where(s => s.HasRole(role))]);
}

internal sealed class FakePupilDirectory(params Pupil[] pupils) : IPupilDirectory
{
    public ValueTask<Pupil?> FindAsync(string pupilId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(pupils.FirstOrDefault(p => p.Id == pupilId));

    public ValueTask<IReadOnlyList<Pupil>> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Pupil>>([.. pupils.Where(p => p.Name.Contains(name, StringComparison.OrdinalIgnoreCase))]);
}

/// <summary>Keeps each prompt it is asked to render, and renders it as a tiny JSON object.</summary>
internal sealed class RecordingPromptCards : IPanelPromptCards
{
    public List<PanelPrompt> Built { get; } = [];

    public JsonElement Build(PanelPrompt prompt)
    {
        Built.Add(prompt);
        return JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["pupilId"] = prompt.PupilId });
    }
}

internal sealed class RecordingAuditLog : IAuditLog
{
    public List<AuditEntry> Entries { get; } = [];

    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        Entries.Add(entry);
        return Task.FromResult(new AuditRecord(Entries.Count, entry, "hash"));
    }

    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken) => throw new InvalidOperationException("not used");

    public Task<AuditIntegrityReport> VerifyIntegrityAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("not used");
}

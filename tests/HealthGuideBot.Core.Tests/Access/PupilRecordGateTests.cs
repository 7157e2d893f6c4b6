using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Pupils;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Core.Tests.Access;

public sealed class PupilRecordGateTests
{
    private static readonly Pupil Sam = new("P0001", "Sam Taylor", "5B", null);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingAuditLog _audit = new();

    [Fact]
    public async Task AllowedRequest_IsAuditedAsAllowed_WithTheGrantingRole()
    {
        var gate = Gate(PupilAccessPolicyTests.Staff(StaffRole.Nurse));

        var result = await gate.CheckAsync(Request(PupilRecordAction.EditPlan, "plan.create"), CancellationToken.None);

        Assert.True(result.IsAllowed);
        var entry = Assert.Single(_audit.Entries);
        Assert.Equal(AuditOutcome.Allowed, entry.Outcome);
        Assert.Equal(StaffRole.Nurse, entry.ActorRole);
        Assert.Equal("plan.create", entry.Action);
        Assert.Equal("P0001", entry.RecordId);
        Assert.Equal(_clock.GetUtcNow(), entry.OccurredAt);
    }

    [Fact]
    public async Task RefusedRequest_IsAuditedAsDenied()
    {
        var gate = Gate(PupilAccessPolicyTests.Staff(StaffRole.Teacher, "6A"));

        var result = await gate.CheckAsync(Request(PupilRecordAction.ViewEmergencySummary, "plan.read"), CancellationToken.None);

        Assert.False(result.IsAllowed);
        Assert.Equal(AuditOutcome.Denied, Assert.Single(_audit.Entries).Outcome);
    }

    [Fact]
    public async Task UnknownUser_IsDeniedAndAudited()
    {
        var gate = Gate(staff: null);

        var result = await gate.CheckAsync(Request(PupilRecordAction.ViewEmergencySummary, "plan.read"), CancellationToken.None);

        Assert.False(result.IsAllowed);
        Assert.Null(result.Staff);
        var entry = Assert.Single(_audit.Entries);
        Assert.Equal(AuditOutcome.Denied, entry.Outcome);
        Assert.Null(entry.ActorRole);
    }

    private PupilRecordGate Gate(StaffMember? staff) => new(new OneMemberDirectory(staff), new PupilAccessPolicy(), _audit, _clock);

    private static RecordAccessRequest Request(PupilRecordAction action, string auditAction) =>
        new("00000000-0000-0000-0000-000000000001", action, Sam, auditAction, "plan", null, "a:conversation", "activity-1");

    private sealed class OneMemberDirectory(StaffMember? member) : IStaffDirectory
    {
        public ValueTask<StaffMember?> FindAsync(string userId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(member is not null && member.UserId == userId ? member : null);

        public ValueTask<IReadOnlyList<StaffMember>> InRoleAsync(StaffRole role, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<StaffMember>>(member is not null && member.HasRole(role) ? [member] : []);
    }

    private sealed class RecordingAuditLog : IAuditLog
    {
        public List<AuditEntry> Entries { get; } = [];

        public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
        {
            Entries.Add(entry);
            return Task.FromResult(new AuditRecord(Entries.Count, entry, "hash"));
        }

        public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<AuditIntegrityReport> VerifyIntegrityAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}

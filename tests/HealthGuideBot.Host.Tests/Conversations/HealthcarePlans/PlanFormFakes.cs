using System.Collections.Concurrent;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Core.Pupils;
using HealthGuideBot.Testing;

namespace HealthGuideBot.Host.Tests.Conversations.HealthcarePlans;

/// <summary>A small roster: a nurse, a teacher of 5B, and three pupils (two called Sam).</summary>
internal sealed class FakeRoster : IStaffDirectory, IPupilDirectory
{
    public const string NurseChannelId = "29:user-1";
    public const string TeacherChannelId = "29:teacher-1";

    public static readonly Pupil SamTaylor = new("P0001", "Sam Taylor", "5B", new DateOnly(2015, 3, 14));
    public static readonly Pupil AmiraKhan = new("P0002", "Amira Khan", "5B", null);
    public static readonly Pupil SamOkafor = new("P0003", "Sam Okafor", "6A", new DateOnly(2014, 9, 2));

    private readonly List<StaffMember> _staff =
    [
        new(AadId(NurseChannelId), "Alex Wilber", null, new HashSet<StaffRole> { StaffRole.Nurse }, new HashSet<string>()),
        new(AadId(TeacherChannelId), "Adele Vance", null, new HashSet<StaffRole> { StaffRole.Teacher }, new HashSet<string> { "5B" }),
    ];

    private readonly List<Pupil> _pupils = [SamTaylor, AmiraKhan, SamOkafor];

    /// <summary>The Entra object id the test activities carry for a channel user id.</summary>
    public static string AadId(string channelUserId) => ActivityBuilder.Message("x", userId: channelUserId).From!.AadObjectId!;

    public ValueTask<StaffMember?> FindAsync(string userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_staff.FirstOrDefault(s => s.UserId == userId));

    public ValueTask<IReadOnlyList<StaffMember>> InRoleAsync(StaffRole role, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<StaffMember>>([.. _staff.Where(s => s.HasRole(role))]);

    ValueTask<Pupil?> IPupilDirectory.FindAsync(string pupilId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_pupils.FirstOrDefault(p => p.Id == pupilId));

    public ValueTask<IReadOnlyList<Pupil>> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        var wanted = name.Trim();
        var exact = _pupils.Where(p => string.Equals(p.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return ValueTask.FromResult<IReadOnlyList<Pupil>>(exact.Count > 0
            ? exact
            : [.. _pupils.Where(p => string.Equals(p.Name.Split(' ')[0], wanted, StringComparison.OrdinalIgnoreCase))]);
    }
}

/// <summary>Documents that record what they rendered.</summary>
internal sealed class FakePlanDocuments : IPlanDocuments
{
    public ConcurrentQueue<(string PlanId, int Version)> Rendered { get; } = new();

    public byte[] RenderPlan(HealthcarePlan plan)
    {
        Rendered.Enqueue((plan.PlanId, plan.Version));
        return [0x50, 0x4B, 1];
    }

    public byte[] RenderEmergencySummary(HealthcarePlan plan) => [0x50, 0x4B, 2];
}

/// <summary>A scheduler that records what it was asked to schedule.</summary>
internal sealed class FakePlanReviewScheduler : IPlanReviewScheduler
{
    public ConcurrentQueue<PlanReviewDue> Scheduled { get; } = new();

    public Task ScheduleAsync(PlanReviewDue due, CancellationToken cancellationToken)
    {
        Scheduled.Enqueue(due);
        return Task.CompletedTask;
    }

    public Task MarkDueNowAsync(string planId, CancellationToken cancellationToken) => Task.CompletedTask;
}

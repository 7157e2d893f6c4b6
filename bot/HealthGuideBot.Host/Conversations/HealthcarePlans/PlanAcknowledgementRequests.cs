using System.Text.Json;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Core.Notifications;
using HealthGuideBot.Core.Pupils;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>
/// When a plan version is saved, asks each teacher of the pupil's class to read and acknowledge it: a 1:1 proactive
/// message carrying the emergency summary card with its "I've read this" button. Each teacher passes the
/// <see cref="PupilRecordGate"/> first (audited as <c>plan.ack-request</c>); teachers who already acknowledged that
/// version are skipped; the notifier's key <c>plan-ack:{planId}:v{version}:{userId}</c> makes a retry send nothing twice.
/// </summary>
internal sealed partial class PlanAcknowledgementRequests : IPlanSavedHandler
{
    private const string AuditAction = "plan.ack-request";

    private readonly IStaffDirectory _staff;
    private readonly IPupilDirectory _pupils;
    private readonly PupilRecordGate _gate;
    private readonly IHealthcarePlanStore _plans;
    private readonly IStaffNotifier _notifier;
    private readonly PlanLookupConversation _cards;
    private readonly ILogger<PlanAcknowledgementRequests> _logger;

    public PlanAcknowledgementRequests(
        IStaffDirectory staff,
        IPupilDirectory pupils,
        PupilRecordGate gate,
        IHealthcarePlanStore plans,
        IStaffNotifier notifier,
        PlanLookupConversation cards,
        ILogger<PlanAcknowledgementRequests> logger)
    {
        _staff = staff;
        _pupils = pupils;
        _gate = gate;
        _plans = plans;
        _notifier = notifier;
        _cards = cards;
        _logger = logger;
    }

    /// <summary>The once-only notification key for one teacher and one version.</summary>
    public static string Key(HealthcarePlan plan, string userId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return $"plan-ack:{plan.PlanId}:v{plan.Version}:{userId}";
    }

    public Task OnPlanSavedAsync(HealthcarePlan plan, CancellationToken cancellationToken) => RequestAsync(plan, cancellationToken);

    /// <summary>Sends the requests for <paramref name="plan"/>; returns how each teacher's went, by user id.</summary>
    public async Task<IReadOnlyDictionary<string, NotificationResult>> RequestAsync(HealthcarePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var pupil = await _pupils.FindAsync(plan.PupilId, cancellationToken) ?? new Pupil(plan.PupilId, plan.PupilName, plan.ClassName, plan.DateOfBirth);
        var teachers = (await _staff.InRoleAsync(StaffRole.Teacher, cancellationToken)).Where(t => t.Teaches(pupil.ClassName)).ToArray();
        var results = new Dictionary<string, NotificationResult>(StringComparer.Ordinal);
        if (teachers.Length == 0)
        {
            Log.NoTeachers(_logger, plan.Version);
            return results;
        }

        using var card = JsonDocument.Parse(_cards.SummaryCardFor(plan, acknowledgedOn: null).ToJsonString());
        foreach (var teacher in teachers)
        {
            if (await _plans.HasAcknowledgedAsync(plan.PlanId, plan.Version, teacher.UserId, cancellationToken))
            {
                results[teacher.UserId] = NotificationResult.AlreadySent;
                continue;
            }

            var gate = await _gate.CheckAsync(
                new RecordAccessRequest(teacher.UserId, PupilRecordAction.ViewEmergencySummary, pupil, AuditAction, "plan", plan.PlanId, null, null),
                cancellationToken);
            if (!gate.IsAllowed)
            {
                continue;
            }

            results[teacher.UserId] = await _notifier.NotifyAsync(
                new StaffNotification(
                    Key(plan, teacher.UserId),
                    teacher.UserId,
                    card.RootElement.Clone(),
                    "A healthcare plan for a pupil in your class is new or has changed. Please read it and press \"I've read this\"."),
                cancellationToken);
        }

        var sent = results.Count(r => r.Value == NotificationResult.Sent);
        var unreachable = results.Count(r => r.Value == NotificationResult.Unreachable);
        Log.Requested(_logger, plan.Version, sent, unreachable);
        return results;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4210, Level = LogLevel.Information, Message = "Plan version {Version}: acknowledgement requests sent to {Sent} teachers, {Unreachable} unreachable")]
        public static partial void Requested(ILogger logger, int version, int sent, int unreachable);

        [LoggerMessage(EventId = 4211, Level = LogLevel.Warning, Message = "Plan version {Version}: no teacher of the pupil's class in the staff directory; no acknowledgement requested")]
        public static partial void NoTeachers(ILogger logger, int version);
    }
}

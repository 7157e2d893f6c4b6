using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.HealthcarePlans.Reviews;
using HealthGuideBot.Core.Notifications;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Host.Conversations.Reviews;

/// <summary>
/// Decides from <c>plan_review_schedule</c> and the clock which review prompts are due, and sends each once: the
/// nurse's reminder <see cref="PlanReviewOptions.DaysBefore"/> days before and on the due date (the SENCOs instead
/// when the nurse cannot be reached), and the SENCOs' escalation once the grace period has passed. Only the current
/// stage is sent, so a sweep after downtime does not send a stale "due in 14 days". Safe to run at any time and any
/// number of times: the notifier's ledger sends each key once.
/// </summary>
internal sealed partial class ReviewPromptSweep
{
    private readonly IPlanReviewScheduleStore _schedules;
    private readonly IStaffNotifier _notifier;
    private readonly IStaffDirectory _staff;
    private readonly ReviewPromptCards _cards;
    private readonly TimeProvider _timeProvider;
    private readonly PlanReviewOptions _options;
    private readonly ILogger<ReviewPromptSweep> _logger;

    public ReviewPromptSweep(
        IPlanReviewScheduleStore schedules,
        IStaffNotifier notifier,
        IStaffDirectory staff,
        ReviewPromptCards cards,
        TimeProvider timeProvider,
        IOptions<PlanReviewOptions> options,
        ILogger<ReviewPromptSweep> logger)
    {
        _schedules = schedules;
        _notifier = notifier;
        _staff = staff;
        _cards = cards;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<ReviewSweepReport> RunAsync(CancellationToken cancellationToken)
    {
        var today = ReviewCalendar.SchoolToday(_timeProvider.GetUtcNow(), _options);
        var schedules = await _schedules.ListDueByAsync(today.AddDays(_options.DaysBefore), cancellationToken);
        var tally = new Tally();
        foreach (var schedule in schedules)
        {
            var stage = ReviewCalendar.StageOn(schedule, today, _options);
            if (stage == ReviewPromptStage.None)
            {
                continue;
            }

            try
            {
                await PromptAsync(schedule, stage, today, tally, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One review's failure (connector down, roster edit) must not stop the others; the next sweep retries.
                tally.Failed++;
                Log.PromptFailed(_logger, ex, schedule.PlanId, stage);
            }
        }

        var report = new ReviewSweepReport(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), schedules.Count, tally.Sent, tally.AlreadySent, tally.Unreachable, tally.Failed);
        Log.SweepDone(_logger, report.Reviews, report.Sent, report.AlreadySent, report.Unreachable, report.Failed);
        return report;
    }

    private async Task PromptAsync(PlanReviewSchedule schedule, ReviewPromptStage stage, DateOnly today, Tally tally, CancellationToken cancellationToken)
    {
        var heading = ReviewPromptCards.HeadingFor(stage, schedule, today);
        if (stage == ReviewPromptStage.Overdue)
        {
            var nurseName = await _cards.NameOfAsync(schedule.ResponsibleNurseUserId, cancellationToken);
            var reason = string.Create(CultureInfo.InvariantCulture, $"This plan was due for review on {ReviewPromptCards.UkDate(schedule.DueDate)} and has not been reviewed. It is assigned to {nurseName}.");
            await NotifySencosAsync(schedule, stage, heading, reason, "An overdue healthcare plan review needs attention", tally, cancellationToken);
            return;
        }

        // A nurse who has left (or lost the role) gets no more reminders about pupils: the SENCOs are asked to reassign
        // (security.md 76). Roles change within the roster-sync interval.
        if (await _staff.FindAsync(schedule.ResponsibleNurseUserId, cancellationToken) is not { } nurse || !nurse.HasRole(StaffRole.Nurse))
        {
            const string reason = "The nurse this plan was assigned to no longer holds the nurse role in the staff list, so this reminder has come to you. Please reassign the review.";
            await NotifySencosAsync(schedule, stage, heading, reason, "A healthcare plan review needs a new nurse", tally, cancellationToken);
            return;
        }

        if (await _cards.BuildAsync(schedule, heading, reason: null, status: null, showActions: true, cancellationToken) is not { } card)
        {
            Log.PupilNotOnRoster(_logger, schedule.PlanId);
            tally.Failed++;
            return;
        }

        var result = await _notifier.NotifyAsync(
            new StaffNotification(ReviewCalendar.PromptKey(schedule, stage), schedule.ResponsibleNurseUserId, ToElement(card), "A healthcare plan review is due"),
            cancellationToken);
        tally.Count(result);
        if (result == NotificationResult.Unreachable)
        {
            var nurseName = await _cards.NameOfAsync(schedule.ResponsibleNurseUserId, cancellationToken);
            var reason = string.Create(CultureInfo.InvariantCulture, $"{nurseName} could not be reached in Teams (the bot may have been removed from their chat), so this reminder has come to you.");
            await NotifySencosAsync(schedule, stage, heading, reason, "A healthcare plan review reminder could not reach the nurse", tally, cancellationToken);
        }
    }

    private async Task NotifySencosAsync(PlanReviewSchedule schedule, ReviewPromptStage stage, string heading, string reason, string fallback, Tally tally, CancellationToken cancellationToken)
    {
        var sencos = await _staff.InRoleAsync(StaffRole.Senco, cancellationToken);
        if (sencos.Count == 0)
        {
            Log.NoSenco(_logger, schedule.PlanId);
            tally.Failed++;
            return;
        }

        if (await _cards.BuildAsync(schedule, heading, reason, status: null, showActions: true, cancellationToken) is not { } card)
        {
            Log.PupilNotOnRoster(_logger, schedule.PlanId);
            tally.Failed++;
            return;
        }

        var element = ToElement(card);
        foreach (var senco in sencos)
        {
            var result = await _notifier.NotifyAsync(new StaffNotification(ReviewCalendar.PromptKey(schedule, stage, senco.UserId), senco.UserId, element, fallback), cancellationToken);
            tally.Count(result);
        }
    }

    private static JsonElement ToElement(JsonObject card) => JsonSerializer.SerializeToElement(card, ReviewsNodeJsonContext.Default.JsonObject);

    private sealed class Tally
    {
        public int Sent { get; set; }

        public int AlreadySent { get; set; }

        public int Unreachable { get; set; }

        public int Failed { get; set; }

        public void Count(NotificationResult result)
        {
            switch (result)
            {
                case NotificationResult.Sent:
                    Sent++;
                    break;
                case NotificationResult.AlreadySent:
                    AlreadySent++;
                    break;
                default:
                    Unreachable++;
                    break;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Review sweep: {Reviews} review(s) near or past due; {Sent} prompt(s) sent, {AlreadySent} already sent, {Unreachable} unreachable, {Failed} failed")]
        public static partial void SweepDone(ILogger logger, int reviews, int sent, int alreadySent, int unreachable, int failed);

        [LoggerMessage(EventId = 4301, Level = LogLevel.Error, Message = "Review prompt for plan {PlanId} at stage {Stage} failed; the next sweep tries again")]
        public static partial void PromptFailed(ILogger logger, Exception exception, string planId, ReviewPromptStage stage);

        [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Review of plan {PlanId}: the pupil is not on the roster; no prompt sent")]
        public static partial void PupilNotOnRoster(ILogger logger, string planId);

        [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "Review of plan {PlanId}: no member of staff holds the SENCO role; nobody to alert")]
        public static partial void NoSenco(ILogger logger, string planId);
    }
}

/// <summary>The JSON contract used to hand a bound card to the notifier as a <see cref="JsonElement"/>.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class ReviewsNodeJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

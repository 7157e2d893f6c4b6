using System.Globalization;
using System.Text.Json;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.HealthcarePlans.Reviews;
using HealthGuideBot.Core.Notifications;
using HealthGuideBot.Core.Pupils;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Host.Conversations.Reviews;

/// <summary>
/// The review prompt's "Snooze" and "Reassign" buttons (<c>Action.Execute</c>): each passes the audited gate (edit
/// plan), changes the schedule, and replaces the card in place with what happened. "Start review" is the plan
/// form's (verb <see cref="StartVerb"/>).
/// </summary>
internal sealed partial class PlanReviewConversation
{
    public const string StartVerb = "plans.review.start";
    public const string SnoozeVerb = "plans.review.snooze";
    public const string ReassignVerb = "plans.review.reassign";

    private const string NotAvailable = "This review reminder can't be changed from here. Ask the school nurse or SENCO.";

    private readonly IPlanReviewScheduleStore _schedules;
    private readonly IPupilDirectory _pupils;
    private readonly IStaffDirectory _staff;
    private readonly PupilRecordGate _gate;
    private readonly ReviewPromptCards _cards;
    private readonly IStaffNotifier _notifier;
    private readonly TimeProvider _timeProvider;
    private readonly PlanReviewOptions _options;
    private readonly ILogger<PlanReviewConversation> _logger;

    public PlanReviewConversation(
        IPlanReviewScheduleStore schedules,
        IPupilDirectory pupils,
        IStaffDirectory staff,
        PupilRecordGate gate,
        ReviewPromptCards cards,
        IStaffNotifier notifier,
        TimeProvider timeProvider,
        IOptions<PlanReviewOptions> options,
        ILogger<PlanReviewConversation> logger)
    {
        _schedules = schedules;
        _pupils = pupils;
        _staff = staff;
        _gate = gate;
        _cards = cards;
        _notifier = notifier;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<AdaptiveCardInvokeResponse> SnoozeAsync(ITurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        if (await OpenAsync(turn, action, "plan.review.snooze", cancellationToken) is not { } schedule)
        {
            return AdaptiveCardInvokeResponse.Message(NotAvailable);
        }

        var today = ReviewCalendar.SchoolToday(_timeProvider.GetUtcNow(), _options);
        var snoozed = ReviewCalendar.Snooze(schedule, today, _options);
        if (!await _schedules.UpdateAsync(snoozed, cancellationToken))
        {
            return AdaptiveCardInvokeResponse.Message(NotAvailable);
        }

        Log.Snoozed(_logger, schedule.PlanId);
        var status = string.Create(
            CultureInfo.InvariantCulture,
            $"Snoozed. The review is now due on {ReviewPromptCards.UkDate(snoozed.DueDate)}; the next reminder comes on {ReviewPromptCards.UkDate(snoozed.SnoozedUntil!.Value)}.");
        return await CardAsync(snoozed, ReviewPromptCards.HeadingFor(ReviewPromptStage.None, snoozed, today), status, showActions: true, cancellationToken);
    }

    public async Task<AdaptiveCardInvokeResponse> ReassignAsync(ITurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        if (await OpenAsync(turn, action, "plan.review.reassign", cancellationToken) is not { } schedule)
        {
            return AdaptiveCardInvokeResponse.Message(NotAvailable);
        }

        var nurseUserId = action.Read(ReviewsJsonContext.Default.ReviewActionData)?.NurseUserId;
        var nurses = await _staff.InRoleAsync(StaffRole.Nurse, cancellationToken);
        if (nurses.FirstOrDefault(n => string.Equals(n.UserId, nurseUserId, StringComparison.Ordinal)) is not { } nurse)
        {
            return AdaptiveCardInvokeResponse.Error(400, "UnknownNurse", "Choose a nurse from the list.");
        }

        var reassigned = schedule with { ResponsibleNurseUserId = nurse.UserId };
        if (!await _schedules.UpdateAsync(reassigned, cancellationToken))
        {
            return AdaptiveCardInvokeResponse.Message(NotAvailable);
        }

        Log.Reassigned(_logger, schedule.PlanId);
        var today = ReviewCalendar.SchoolToday(_timeProvider.GetUtcNow(), _options);
        if (!string.Equals(nurse.UserId, ActorOf(turn), StringComparison.Ordinal)
            && await _cards.BuildAsync(reassigned, ReviewPromptCards.HeadingFor(ReviewCalendar.StageOn(reassigned, today, _options), reassigned, today), "This review has been passed to you.", null, showActions: true, cancellationToken) is { } card)
        {
            // Tell the new nurse now (once per plan version, due date and nurse) rather than at the next stage.
            var key = ReviewCalendar.PromptKey(reassigned, ReviewPromptStage.None) + ":assigned:" + nurse.UserId;
            await _notifier.NotifyAsync(new StaffNotification(key, nurse.UserId, JsonSerializer.SerializeToElement(card, ReviewsNodeJsonContext.Default.JsonObject), "A healthcare plan review has been passed to you"), cancellationToken);
        }

        var status = string.Create(CultureInfo.InvariantCulture, $"Reassigned to {nurse.DisplayName}. They will get the reminders from now on.");
        return await CardAsync(reassigned, ReviewPromptCards.HeadingFor(ReviewPromptStage.None, reassigned, today), status, showActions: false, cancellationToken);
    }

    /// <summary>The schedule the button is about, once the gate has allowed the actor to edit the pupil's plan.</summary>
    private async Task<PlanReviewSchedule?> OpenAsync(ITurnContext turn, CardActionRequest action, string auditAction, CancellationToken cancellationToken)
    {
        var data = action.Read(ReviewsJsonContext.Default.ReviewActionData);
        if (data?.PlanId is not { Length: > 0 } planId || await _schedules.FindAsync(planId, cancellationToken) is not { } schedule)
        {
            return null;
        }

        if (data.Version is { } version && version != schedule.Version)
        {
            return null; // A card from an older plan version: that review is over.
        }

        if (await _pupils.FindAsync(schedule.PupilId, cancellationToken) is not { } pupil)
        {
            return null;
        }

        var gate = await _gate.CheckAsync(
            new RecordAccessRequest(ActorOf(turn), PupilRecordAction.EditPlan, pupil, auditAction, "plan", schedule.PlanId, turn.Activity.Conversation?.Id, turn.Activity.Id),
            cancellationToken);
        return gate.IsAllowed ? schedule : null;
    }

    private async Task<AdaptiveCardInvokeResponse> CardAsync(PlanReviewSchedule schedule, string heading, string status, bool showActions, CancellationToken cancellationToken) =>
        await _cards.BuildAsync(schedule, heading, null, status, showActions, cancellationToken) is { } card
            ? AdaptiveCardInvokeResponse.Card(card)
            : AdaptiveCardInvokeResponse.Message(status);

    private static string? ActorOf(ITurnContext turn) =>
        turn.Activity.From?.AadObjectId is { Length: > 0 } aadObjectId ? aadObjectId : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 4310, Level = LogLevel.Information, Message = "Review of plan {PlanId} snoozed")]
        public static partial void Snoozed(ILogger logger, string planId);

        [LoggerMessage(EventId = 4311, Level = LogLevel.Information, Message = "Review of plan {PlanId} reassigned")]
        public static partial void Reassigned(ILogger logger, string planId);
    }
}

using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Core;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Core.Pupils;
using HealthGuideBot.Host.Hosting;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>
/// "Does Sam have a healthcare plan?", "show Sam's emergency plan": the pupil's emergency summary card for staff
/// entitled to that pupil (they teach the pupil's class, or nurse, SENCO, DSL, admin), and one neutral answer for
/// everyone else that is the same whether or not the pupil exists or has a plan. Every decision goes through the
/// <see cref="PupilRecordGate"/> (audited, allowed or denied) before the plan store is touched. The card's
/// "I've read this" button records an acknowledgement of that version and replaces the card in place.
/// </summary>
internal sealed partial class PlanLookupConversation
{
    public const string ShowVerb = "plans.show";
    public const string AcknowledgeVerb = "plans.acknowledge";
    public const string EmergencyVerb = "plans.emergency";
    public const string SummaryCard = "plans/emergency-summary";
    public const string ChoiceCard = "plans/choose-pupil";

    private const string ViewAuditAction = "plan.view-summary";
    private const string AcknowledgeAuditAction = "plan.acknowledge";
    private const string EmergencyAuditAction = "plan.emergency-recorded";

    private readonly IPupilDirectory _pupils;
    private readonly IStaffDirectory _staff;
    private readonly IAccessPolicy _policy;
    private readonly PupilRecordGate _gate;
    private readonly IHealthcarePlanStore _plans;
    private readonly IPlanReviewScheduler _reviews;
    private readonly CardTemplateLibrary _cards;
    private readonly TimeProvider _time;
    private readonly string _askRole;
    private readonly ILogger<PlanLookupConversation> _logger;

    public PlanLookupConversation(
        IPupilDirectory pupils,
        IStaffDirectory staff,
        IAccessPolicy policy,
        PupilRecordGate gate,
        IHealthcarePlanStore plans,
        IPlanReviewScheduler reviews,
        CardTemplateLibrary cards,
        TimeProvider time,
        IOptions<HealthGuideBotOptions> options,
        ILogger<PlanLookupConversation> logger)
    {
        _pupils = pupils;
        _staff = staff;
        _policy = policy;
        _gate = gate;
        _plans = plans;
        _reviews = reviews;
        _cards = cards;
        _time = time;
        _askRole = options.Value.AskRole;
        _logger = logger;
    }

    /// <summary>The one answer for anyone not entitled, an unknown pupil, or a pupil they cannot be shown.</summary>
    public string NeutralAnswer => $"I can't show health information about that pupil. If you need it, ask {_askRole}.";

    /// <summary>True for a message that is only a plan lookup (see <see cref="PlanLookupPhrase"/>).</summary>
    public static bool IsLookup(string text) => PlanLookupPhrase.IsMatch(text);

    /// <summary>Answers a plan lookup typed in the chat.</summary>
    public async Task ShowAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!PlanLookupPhrase.TryParse(turn.Activity.Text, out var name))
        {
            await turn.SendActivityAsync(MessageFactory.Text(NeutralAnswer), cancellationToken);
            return;
        }

        var userId = UserId(turn);
        var matches = await _pupils.FindByNameAsync(name, cancellationToken);
        Pupil? chosen = null;
        if (matches.Count == 1)
        {
            chosen = matches[0];
        }
        else if (matches.Count > 1)
        {
            // Several pupils share the name: offer a choice of only those this user may see, and audit the refusals.
            var staff = userId is null ? null : await _staff.FindAsync(userId, cancellationToken);
            var entitled = matches.Where(p => _policy.Decide(staff, PupilRecordAction.ViewEmergencySummary, p).IsAllowed).ToArray();
            if (entitled.Length > 1)
            {
                var choices = new ChoosePupilCardModel([.. entitled.Select(p => new PupilChoice(p.Id, p.Name, p.ClassName))]);
                await turn.SendActivityAsync(MessageFactory.Card(_cards.Get(ChoiceCard).Bind(choices, PlanCardsJsonContext.Default.ChoosePupilCardModel), "Which pupil?"), cancellationToken);
                Log.ChoiceOffered(_logger, entitled.Length);
                return;
            }

            if (entitled.Length == 0)
            {
                foreach (var pupil in matches)
                {
                    await CheckAsync(turn, pupil, ViewAuditAction, pupil.Id, cancellationToken);
                }

                await SendNeutralAsync(turn, cancellationToken);
                return;
            }

            chosen = entitled[0];
        }

        if (chosen is null || !(await CheckAsync(turn, chosen, ViewAuditAction, chosen.Id, cancellationToken)).IsAllowed)
        {
            await SendNeutralAsync(turn, cancellationToken);
            return;
        }

        await turn.SendActivityAsync(await SummaryOrNoPlanAsync(chosen, userId!, cancellationToken), cancellationToken);
    }

    /// <summary>The choice card's button: the chosen pupil's summary replaces the choice card.</summary>
    public async Task<AdaptiveCardInvokeResponse> ShowChosenAsync(ITurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var data = action.Read(PlanCardsJsonContext.Default.PlanActionData);
        var pupil = data?.PupilId is { Length: > 0 and <= 128 } id ? await _pupils.FindAsync(id, cancellationToken) : null;
        if (pupil is null || !(await CheckAsync(turn, pupil, ViewAuditAction, pupil.Id, cancellationToken)).IsAllowed)
        {
            Log.Refused(_logger);
            return AdaptiveCardInvokeResponse.Message(NeutralAnswer);
        }

        var reply = await SummaryOrNoPlanAsync(pupil, UserId(turn)!, cancellationToken);
        return reply.Attachments is [{ Content: System.Text.Json.Nodes.JsonObject card }]
            ? AdaptiveCardInvokeResponse.Card(card)
            : AdaptiveCardInvokeResponse.Message(reply.Text ?? NeutralAnswer);
    }

    /// <summary>
    /// "I've read this": records the acknowledgement of that version once (a double click records nothing more) and
    /// replaces the card with the same summary showing "Acknowledged &lt;date&gt;".
    /// </summary>
    public async Task<AdaptiveCardInvokeResponse> AcknowledgeAsync(ITurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var (plan, userId, refusal) = await PlanOfButtonAsync(turn, action, AcknowledgeAuditAction, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var now = _time.GetUtcNow();
        if (!await _plans.HasAcknowledgedAsync(plan.PlanId, plan.Version, userId, cancellationToken))
        {
            await _plans.AcknowledgeAsync(plan.PlanId, plan.Version, userId, now, cancellationToken);
            Log.Acknowledged(_logger, plan.Version);
        }

        return AdaptiveCardInvokeResponse.Card(SummaryCardFor(plan, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, SchoolCalendar.TimeZone).DateTime)));
    }

    /// <summary>
    /// "We used this plan in an emergency": anyone entitled to the summary (the teacher who was there) records it; the
    /// plan's review becomes due today, so the next review sweep prompts the responsible nurse (issue: plans are due
    /// for review after an emergency involving the pupil). Audited; the card is replaced showing the record.
    /// </summary>
    public async Task<AdaptiveCardInvokeResponse> RecordEmergencyAsync(ITurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var (plan, userId, refusal) = await PlanOfButtonAsync(turn, action, EmergencyAuditAction, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        await _reviews.MarkDueNowAsync(plan.PlanId, cancellationToken);
        Log.EmergencyRecorded(_logger, plan.Version);
        var today = SchoolCalendar.Today(_time);
        DateOnly? acknowledgedOn = await _plans.HasAcknowledgedAsync(plan.PlanId, plan.Version, userId, cancellationToken) ? today : null;
        return AdaptiveCardInvokeResponse.Card(
            _cards.Get(SummaryCard).Bind(EmergencySummaryCardModel.From(plan, acknowledgedOn, emergencyRecordedOn: today), PlanCardsJsonContext.Default.EmergencySummaryCardModel));
    }

    /// <summary>The summary card for a version, as the acknowledgement requests send it (not yet acknowledged).</summary>
    public System.Text.Json.Nodes.JsonObject SummaryCardFor(HealthcarePlan plan, DateOnly? acknowledgedOn) =>
        _cards.Get(SummaryCard).Bind(EmergencySummaryCardModel.From(plan, acknowledgedOn), PlanCardsJsonContext.Default.EmergencySummaryCardModel);

    /// <summary>
    /// The plan version a summary card's button names, once the presser has passed the gate (audited as
    /// <paramref name="auditAction"/>); otherwise the response to send instead: 400 for an unreadable button, the
    /// neutral answer for a missing plan or a refusal.
    /// </summary>
    private async Task<(HealthcarePlan Plan, string UserId, AdaptiveCardInvokeResponse? Refusal)> PlanOfButtonAsync(
        ITurnContext turn, CardActionRequest action, string auditAction, CancellationToken cancellationToken)
    {
        var data = action.Read(PlanCardsJsonContext.Default.PlanActionData);
        var userId = UserId(turn);
        if (data is not { PlanId: { Length: > 0 and <= 128 } planId, Version: { } version } || userId is null)
        {
            return (null!, null!, AdaptiveCardInvokeResponse.Error(400, "BadRequest", "That button could not be read. Please ask for the plan again."));
        }

        var plan = await _plans.GetVersionAsync(planId, version, cancellationToken);
        var pupil = plan is null ? null : await _pupils.FindAsync(plan.PupilId, cancellationToken) ?? new Pupil(plan.PupilId, plan.PupilName, plan.ClassName, plan.DateOfBirth);
        if (plan is null || pupil is null || !(await CheckAsync(turn, pupil, auditAction, plan.PlanId, cancellationToken)).IsAllowed)
        {
            Log.Refused(_logger);
            return (null!, null!, AdaptiveCardInvokeResponse.Message(NeutralAnswer));
        }

        return (plan, userId, null);
    }

    private async Task<Activity> SummaryOrNoPlanAsync(Pupil pupil, string userId, CancellationToken cancellationToken)
    {
        var plan = await _plans.GetCurrentForPupilAsync(pupil.Id, cancellationToken);
        if (plan is null)
        {
            Log.NoPlan(_logger);
            return MessageFactory.Text($"{pupil.Name} ({pupil.ClassName}) has no healthcare plan on record. If you think they need one, tell {_askRole}.");
        }

        DateOnly? acknowledgedOn = await _plans.HasAcknowledgedAsync(plan.PlanId, plan.Version, userId, cancellationToken) ? SchoolCalendar.Today(_time) : null;
        Log.SummaryShown(_logger, plan.Version);
        return MessageFactory.Card(SummaryCardFor(plan, acknowledgedOn), "Care plan on a page");
    }

    private Task<GateResult> CheckAsync(ITurnContext turn, Pupil pupil, string auditAction, string recordId, CancellationToken cancellationToken) =>
        _gate.CheckAsync(
            new RecordAccessRequest(UserId(turn), PupilRecordAction.ViewEmergencySummary, pupil, auditAction, "plan", recordId, turn.Activity.Conversation?.Id, turn.Activity.Id),
            cancellationToken);

    private async Task SendNeutralAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        Log.Refused(_logger);
        await turn.SendActivityAsync(MessageFactory.Text(NeutralAnswer), cancellationToken);
    }

    /// <summary>The Entra object id: the only identity the staff directory knows.</summary>
    private static string? UserId(ITurnContext turn) => StaffIdentity.UserIdOf(turn);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Plan lookup: emergency summary shown (version {Version})")]
        public static partial void SummaryShown(ILogger logger, int version);

        [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Plan lookup: entitled, no plan on record")]
        public static partial void NoPlan(ILogger logger);

        [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Plan lookup: neutral answer (not entitled, unknown pupil or unreadable request)")]
        public static partial void Refused(ILogger logger);

        [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "Plan lookup: {Count} matching pupils offered")]
        public static partial void ChoiceOffered(ILogger logger, int count);

        [LoggerMessage(EventId = 4204, Level = LogLevel.Information, Message = "Plan acknowledged (version {Version})")]
        public static partial void Acknowledged(ILogger logger, int version);

        [LoggerMessage(EventId = 4205, Level = LogLevel.Information, Message = "Emergency recorded against a plan (version {Version}); its review is due now")]
        public static partial void EmergencyRecorded(ILogger logger, int version);
    }
}

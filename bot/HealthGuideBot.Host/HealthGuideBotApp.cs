using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.BotFramework.Proactive;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Host.Conversations;
using HealthGuideBot.Host.Conversations.Attendance;
using HealthGuideBot.Host.Conversations.Emergency;
using HealthGuideBot.Host.Conversations.HealthcarePlans;
using HealthGuideBot.Host.Conversations.Questions;
using HealthGuideBot.Host.Conversations.Reviews;
using HealthGuideBot.Host.Conversations.Help;
using HealthGuideBot.Host.Conversations.Referrals;
using HealthGuideBot.Host.Conversations.Welcome;
using HealthGuideBot.Host.Diagnostics;

namespace HealthGuideBot.Host;

/// <summary>The bot: the route table, and nothing else. Each route hands the turn to a feature's conversation class.</summary>
internal sealed class HealthGuideBotApp : IBot
{
    private readonly ActivityRouter _routes = new ActivityRouter()
        .Intercept(async (turn, ct) => Get<TurnRoute>(turn).MarkIf(await Get<EmergencyConversation>(turn).TryAnswerAsync(turn, ct), TurnRoutes.Emergency))
        .Intercept(ContinueActiveDialogAsync)
        .OnActivity(ActivityTypes.InstallationUpdate, (turn, ct) => Get<WelcomeConversation>(turn).OnInstallationUpdateAsync(turn, ct))
        .OnMessage(PlanLookupConversation.IsLookup, (turn, ct) => Get<PlanLookupConversation>(turn).ShowAsync(turn, ct))
        .OnCardAction(PlanLookupConversation.ShowVerb, (turn, action, ct) => Get<PlanLookupConversation>(turn).ShowChosenAsync(turn, action, ct))
        .OnCardAction(PlanLookupConversation.AcknowledgeVerb, (turn, action, ct) => Get<PlanLookupConversation>(turn).AcknowledgeAsync(turn, action, ct))
        .OnCardAction(PlanLookupConversation.EmergencyVerb, (turn, action, ct) => Get<PlanLookupConversation>(turn).RecordEmergencyAsync(turn, action, ct))
        .OnMessage(HelpConversation.IsHelpRequest, (turn, ct) => Get<HelpConversation>(turn).ShowAsync(turn, ct))
        .OnCardAction(HelpConversation.TopicVerb, (turn, action, ct) => Get<HelpConversation>(turn).ShowTopicAsync(action, ct))
        .OnCardAction(HelpConversation.MenuVerb, (turn, action, ct) => Get<HelpConversation>(turn).ShowMenuAsync(ct))
        .OnCardAction(HelpConversation.ExamplesVerb, (turn, action, ct) => HelpConversation.ShowExamplesAsync(action, ct))
        .AddHealthcarePlanFormRoutes()
        .OnMessage(ReferralConversation.IsStatusRequest, ReferralConversation.ShowStatusAsync)
        .OnMessage(ReferralConversation.IsResumeRequest, (turn, ct) => Get<ReferralConversation>(turn).ResumeAsync(turn, ct))
        .OnMessage(ReferralConversation.IsStartRequest, (turn, ct) => Get<ReferralConversation>(turn).StartFromTextAsync(turn, ct))
        .OnCardAction(ReferralConversation.StartVerb, (turn, action, ct) => Get<ReferralConversation>(turn).StartFromCardAsync(turn, action, ct))
        .OnCardAction(ReferralConversation.NewVerb, (turn, action, ct) => Get<ReferralConversation>(turn).StartFromCardAsync(turn, action, ct))
        .OnCardAction(ReferralDialog.SubmitVerb, ReferralConversation.OnStaleCardAsync)
        .OnCardAction(ReferralDialog.EditVerb, ReferralConversation.OnStaleCardAsync)
        .OnCardAction(QuestionConversation.SectionVerb, (turn, action, ct) => Get<QuestionConversation>(turn).ShowSectionAsync(action, ct))
        .OnCardAction(FeedbackRecorder.HelpfulVerb, (turn, action, ct) => Get<FeedbackRecorder>(turn).RecordVoteAsync(action, ct))
        .OnCardAction(FeedbackRecorder.NotHelpfulVerb, (turn, action, ct) => Get<FeedbackRecorder>(turn).RecordVoteAsync(action, ct))
        .OnCardAction(AttendanceConversation.NotNowVerb, (turn, action, ct) => AttendanceConversation.NotNowAsync(ct))
        .OnCardAction(PlanReviewConversation.SnoozeVerb, (turn, action, ct) => Get<PlanReviewConversation>(turn).SnoozeAsync(turn, action, ct))
        .OnCardAction(PlanReviewConversation.ReassignVerb, (turn, action, ct) => Get<PlanReviewConversation>(turn).ReassignAsync(turn, action, ct))
        .OnUnmatchedMessage((turn, ct) =>
        {
            Get<TurnRoute>(turn).Mark(TurnRoutes.Question);
            return Get<QuestionConversation>(turn).ReplyAsync(turn, ct);
        });

    /// <summary>
    /// Routes the turn and records its duration by route kind (<see cref="TurnMetrics"/>: no text, no user), then
    /// keeps the conversation reference current. Replies first, bookkeeping second: a first message in a new
    /// conversation writes its reference to the database, and an emergency answer must not wait for that write.
    /// No route reads the turn's own reference (proactive sends use other conversations' references).
    /// </summary>
    public async Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var metrics = Get<TurnMetrics>(turn);
        var started = metrics.Start();
        InvokeResponse? response;
        try
        {
            response = await _routes.RouteAsync(turn, cancellationToken);
        }
        finally
        {
            metrics.Record(started, Get<TurnRoute>(turn).Kind);
        }

        await Get<ConversationReferenceRecorder>(turn).RecordAsync(turn, cancellationToken);
        return response;
    }

    /// <summary>
    /// An active dialog (a form in progress) takes the user's next text message, and the card actions meant for it:
    /// verbs <c>dialog.*</c> (cancel, back, save for later) or prefixed with the dialog's id. Other buttons, such as
    /// the help card's, still reach their routes.
    /// </summary>
    private static async Task<bool> ContinueActiveDialogAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var dialogs = Get<DialogManager>(turn);
        if (CardActionRequest.TryRead(turn.Activity, out var action))
        {
            var active = await dialogs.GetActiveDialogIdAsync(turn, cancellationToken);
            if (active is null || !(action.Verb.StartsWith("dialog.", StringComparison.Ordinal) || action.Verb.StartsWith(active + ".", StringComparison.Ordinal)))
            {
                return false;
            }
        }
        else if (turn.Activity.Type != ActivityTypes.Message)
        {
            return false;
        }

        var result = await dialogs.ContinueAsync(turn, cancellationToken);
        return result.Status != DialogTurnStatus.NoActiveDialog;
    }

    private static T Get<T>(ITurnContext turn)
        where T : notnull => turn.Services.GetRequiredService<T>();
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Core.Pupils;
using F = HealthGuideBot.Host.Conversations.HealthcarePlans.PlanFormFields;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>
/// Starting, continuing and resuming the healthcare plan form: "new healthcare plan", "create an IHP for Sam",
/// the help card's button, a review prompt's "Start review", the form's own buttons and "continue my draft".
/// Only nurses, SENCOs and admins get the form (checked and audited by <see cref="PupilRecordGate"/>); anyone else
/// gets the same polite refusal, whatever pupil they named, so the refusal reveals nothing.
/// </summary>
internal sealed partial class PlanFormConversation
{
    /// <summary>The help card's "Start a healthcare plan" button.</summary>
    public const string StartVerb = "plans.form.start";

    /// <summary>The review prompt's "Start review" button (data: <c>planId</c>).</summary>
    public const string ReviewStartVerb = "plans.review.start";

    public const string RefusalText =
        "Only the school nurse, a SENCO or an administrator can create or change healthcare plans. If you think a pupil needs a plan, please speak to the school nurse.";

    public const string FormClosedText =
        "This form is no longer open: it was submitted, cancelled or saved as a draft. Say \"continue my draft\" to carry on with a draft, or \"new healthcare plan\" to start again.";

    private static readonly Regex StartPattern = new(
        @"^(?:please\s+)?(?:new|create|start|write|make)\s+(?:a\s+|an\s+)?(?:new\s+)?(?:individual\s+)?(?:health\s?care\s+plan|ihp)(?:\s+for\s+(?<pupil>.{1,100}?))?\s*[.!?]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        TimeSpan.FromMilliseconds(100));

    private static readonly Regex ContinuePattern = new(
        @"^(?:please\s+)?(?:continue|resume|carry on with|open)\s+(?:my\s+)?(?:healthcare plan\s+|plan\s+)?draft(?:\s+plan)?\s*[.!?]*$|^(?:continue|resume)\s+my\s+(?:healthcare\s+)?plan\s*[.!?]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(100));

    private readonly DialogManager _dialogs;
    private readonly PlanFormLaunch _launch;
    private readonly CardTemplateLibrary _cards;
    private readonly IPupilDirectory _pupils;
    private readonly IHealthcarePlanStore _plans;
    private readonly TimeProvider _timeProvider;

    public PlanFormConversation(
        DialogManager dialogs,
        PlanFormLaunch launch,
        CardTemplateLibrary cards,
        IPupilDirectory pupils,
        IHealthcarePlanStore plans,
        TimeProvider timeProvider)
    {
        _dialogs = dialogs;
        _launch = launch;
        _cards = cards;
        _pupils = pupils;
        _plans = plans;
        _timeProvider = timeProvider;
    }

    /// <summary>"new healthcare plan", "create an IHP for Sam Taylor" and the like.</summary>
    public static bool IsStartRequest(string text) => StartPattern.IsMatch(text.Trim());

    /// <summary>"continue my draft", "resume my draft", "continue my healthcare plan".</summary>
    public static bool IsContinueDraftRequest(string text) => ContinuePattern.IsMatch(text.Trim());

    /// <summary>The user's Entra object id (Teams sends it on every activity), or the channel id of the user.</summary>
    public static string UserId(ITurnContext turn) => StaffIdentity.UserIdOf(turn) ?? string.Empty;

    /// <summary>Asks the gate whether the user may create or edit this pupil's plan (audited either way).</summary>
    public static Task<GateResult> CheckAsync(ITurnContext turn, Pupil pupil, string auditAction, string? recordId, CancellationToken cancellationToken) =>
        turn.Services.GetRequiredService<PupilRecordGate>().CheckAsync(
            new RecordAccessRequest(UserId(turn), PupilRecordAction.EditPlan, pupil, auditAction, PlanFilings.RecordType, recordId, turn.Activity.Conversation?.Id, turn.Activity.Id),
            cancellationToken);

    public async Task StartFromMessageAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var match = StartPattern.Match(turn.Activity.Text?.Trim() ?? string.Empty);
        var pupil = match.Success && match.Groups["pupil"].Success ? match.Groups["pupil"].Value.Trim() : null;
        await StartAsync(turn, pupil, cancellationToken);
    }

    public Task<AdaptiveCardInvokeResponse> StartFromCardAsync(ITurnContext turn, CardActionRequest action, CancellationToken cancellationToken) =>
        InPlaceAsync(turn, t => StartAsync(t, action.GetString("pupil"), cancellationToken));

    public Task<AdaptiveCardInvokeResponse> StartReviewAsync(ITurnContext turn, CardActionRequest action, CancellationToken cancellationToken) =>
        InPlaceAsync(turn, t => BeginReviewAsync(t, action.GetString("planId"), cancellationToken));

    /// <summary>A button of the form's cards: runs the form's step and returns its next card as the invoke response.</summary>
    public Task<AdaptiveCardInvokeResponse> ContinueFormAsync(ITurnContext turn, CardActionRequest action, CancellationToken cancellationToken) =>
        InPlaceAsync(turn, async t =>
        {
            // Only the plan form may take its buttons (another open form must not receive them).
            if (await _dialogs.GetActiveDialogIdAsync(t, cancellationToken) != PlanFormDialog.DialogId
                || (await _dialogs.ContinueAsync(t, cancellationToken)).Status == DialogTurnStatus.NoActiveDialog)
            {
                await t.SendActivityAsync(MessageFactory.Text(FormClosedText), cancellationToken);
            }
        });

    /// <summary>"continue my draft": resumes the user's most recent healthcare plan draft.</summary>
    public async Task ResumeDraftAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var drafts = (await _dialogs.ListDraftsAsync(turn, cancellationToken)).Where(d => d.DialogId == PlanFormDialog.DialogId).ToList();
        if (drafts.Count == 0)
        {
            await turn.SendActivityAsync(MessageFactory.Text("You have no saved healthcare plan drafts. Say \"new healthcare plan\" to start one."), cancellationToken);
            return;
        }

        if (drafts.Count > 1)
        {
            await turn.SendActivityAsync(MessageFactory.Text($"You have {drafts.Count} healthcare plan drafts; here is the most recent ({drafts[0].Label})."), cancellationToken);
        }

        var result = await _dialogs.ResumeDraftAsync(turn, drafts[0].DraftId, cancellationToken);
        if (result.Status == DialogTurnStatus.AnotherDialogActive)
        {
            await turn.SendActivityAsync(MessageFactory.Text(AnotherFormOpenText), cancellationToken);
        }
        else if (result.Status != DialogTurnStatus.Waiting)
        {
            await turn.SendActivityAsync(MessageFactory.Text("That draft could not be opened. Say \"new healthcare plan\" to start again."), cancellationToken);
        }
    }

    private const string AnotherFormOpenText =
        "You already have a form open. Finish it, or type \"save for later\" or \"cancel\", then try again.";

    private async Task StartAsync(ITurnContext turn, string? pupilName, CancellationToken cancellationToken)
    {
        var today = UkSchoolDate.Today(_timeProvider);
        var state = new PlanFormState
        {
            PlanId = Guid.NewGuid().ToString("N"),
            SubmissionId = Guid.NewGuid().ToString("N"),
            PlanDate = today,
            Step = F.PupilStep,
            FirstStep = F.PupilStep,
        };
        var matches = string.IsNullOrWhiteSpace(pupilName) ? [] : await _pupils.FindByNameAsync(pupilName, cancellationToken);
        string? notice = null;
        if (matches.Count == 1)
        {
            if (!(await CheckAsync(turn, matches[0], "plan.create", recordId: null, cancellationToken)).IsAllowed)
            {
                await turn.SendActivityAsync(MessageFactory.Text(RefusalText), cancellationToken);
                return;
            }

            var chosen = await PlanFormDialog.WithPupilAsync(_plans, state, matches[0], cancellationToken);
            state = chosen.State with { Step = F.AboutStep, FirstStep = F.AboutStep };
            notice = chosen.Notice;
        }
        else
        {
            // No single pupil yet: the gate decides on the role alone, with no pupil's details involved.
            if (!(await CheckAsync(turn, NoPupilYet, "plan.create", recordId: "new-plan", cancellationToken)).IsAllowed)
            {
                await turn.SendActivityAsync(MessageFactory.Text(RefusalText), cancellationToken);
                return;
            }

            if (!string.IsNullOrWhiteSpace(pupilName))
            {
                state.Values[F.PupilName] = pupilName.Trim();
            }

            if (matches.Count > 1)
            {
                state = state with { PupilOptions = [.. matches.Take(10).Select(m => new PupilOption(m.Id, m.Name, m.ClassName))] };
            }
        }

        await BeginAsync(turn, state, previousChanges: null, notice, cancellationToken);
    }

    private async Task BeginReviewAsync(ITurnContext turn, string? planId, CancellationToken cancellationToken)
    {
        var plan = string.IsNullOrWhiteSpace(planId) ? null : await _plans.GetCurrentAsync(planId, cancellationToken);
        if (plan is null)
        {
            var allowed = (await CheckAsync(turn, NoPupilYet, "plan.review", recordId: "unknown", cancellationToken)).IsAllowed;
            await turn.SendActivityAsync(MessageFactory.Text(allowed ? "I could not find that healthcare plan. It may have been replaced; ask for the latest review prompt." : RefusalText), cancellationToken);
            return;
        }

        var pupil = await _pupils.FindAsync(plan.PupilId, cancellationToken)
            ?? new Pupil(plan.PupilId, plan.PupilName, plan.ClassName, plan.DateOfBirth);
        if (!(await CheckAsync(turn, pupil, "plan.review", plan.PlanId, cancellationToken)).IsAllowed)
        {
            await turn.SendActivityAsync(MessageFactory.Text(RefusalText), cancellationToken);
            return;
        }

        var today = UkSchoolDate.Today(_timeProvider);
        var values = PlanFormValues.FromPlan(plan);
        values[F.PupilName] = pupil.Name;

        // A review restarts the yearly clock: the new version is due 12 months after today's review.
        values[F.ReviewDate] = UkSchoolDate.Format(today.AddYears(1));
        var state = new PlanFormState
        {
            PlanId = plan.PlanId,
            BaseVersion = plan.Version,
            SubmissionId = Guid.NewGuid().ToString("N"),
            PlanDate = today,
            Step = F.AboutStep,
            FirstStep = F.AboutStep,
            PupilId = pupil.Id,
            PupilName = pupil.Name,
            PupilClass = pupil.ClassName,
            Values = values,
        };
        IReadOnlyList<string>? previousChanges = null;
        if (plan.Version > 1 && await _plans.GetVersionAsync(plan.PlanId, plan.Version - 1, cancellationToken) is { } earlier)
        {
            previousChanges = PlanFormValues.Changes(PlanFormValues.FromPlan(earlier), PlanFormValues.FromPlan(plan), (_, value) => value);
        }

        await BeginAsync(turn, state, previousChanges, notice: null, cancellationToken);
    }

    private static readonly Pupil NoPupilYet = new("unknown", string.Empty, string.Empty, null);

    private async Task BeginAsync(ITurnContext turn, PlanFormState state, IReadOnlyList<string>? previousChanges, string? notice, CancellationToken cancellationToken)
    {
        _launch.Pending = state;
        _launch.PreviousChanges = previousChanges;
        var result = await _dialogs.BeginAsync<PlanFormDialog>(turn, cancellationToken);
        if (result.Status == DialogTurnStatus.AnotherDialogActive)
        {
            await turn.SendActivityAsync(MessageFactory.Text(AnotherFormOpenText), cancellationToken);
        }
        else if (notice is not null)
        {
            await turn.SendActivityAsync(MessageFactory.Text(notice), cancellationToken);
        }
    }

    /// <summary>
    /// Runs <paramref name="run"/> on a turn that keeps its replies, then answers the invoke with the first card
    /// (replacing the card the user pressed) and sends any other replies as messages. Replies that are only text
    /// become a small card, so the pressed card never stays on screen looking live.
    /// </summary>
    private async Task<AdaptiveCardInvokeResponse> InPlaceAsync(ITurnContext turn, Func<ITurnContext, Task> run)
    {
        var capture = new CapturingTurnContext(turn);
        await run(capture);
        var replies = capture.Captured;
        var cardIndex = replies.ToList().FindIndex(a => a.Attachments is { Count: > 0 } attachments && attachments[0].Content is JsonObject);
        JsonObject card;
        if (cardIndex >= 0)
        {
            card = (JsonObject)replies[cardIndex].Attachments![0].Content!.DeepClone();
        }
        else
        {
            var lines = replies.Select(a => a.Text).OfType<string>().Where(t => t.Length > 0).ToList();
            card = _cards.Get("plans/plan-message").Bind(new PlanMessageCardModel(lines.Count > 0 ? lines : ["Done."]), PlanCardJsonContext.Default.PlanMessageCardModel);
        }

        for (var i = 0; i < replies.Count; i++)
        {
            if (cardIndex >= 0 && i != cardIndex)
            {
                await turn.SendActivityAsync(replies[i], CancellationToken.None);
            }
        }

        return AdaptiveCardInvokeResponse.Card(card);
    }
}

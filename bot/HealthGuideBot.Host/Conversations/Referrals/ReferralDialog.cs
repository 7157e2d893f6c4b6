using System.Globalization;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Core;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Core.Pupils;
using HealthGuideBot.Core.Referrals;
using HealthGuideBot.Core.Referrals.Parsing;

namespace HealthGuideBot.Host.Conversations.Referrals;

/// <summary>
/// A referral by conversation: one question at a time from the service's question set, free-text answers parsed
/// (dates, numbers, yes/no, classes, pupils), "back", "skip" (optional questions), "change &lt;question&gt;",
/// "save for later" and "cancel" at any point, then a summary card to check and edit before submitting. An answer
/// that reveals a risk of harm stops the form (saved as a draft) and gives the 999 and safeguarding route first.
/// Every step that saves is audited through <see cref="PupilRecordGate"/>; no answer text reaches a log.
/// </summary>
/// <remarks>
/// Registered scoped and constructed on every turn that has an active dialog: the constructor takes only cheap
/// singletons, and the pupil, staff, plan and referral services are resolved from the turn when needed.
/// </remarks>
internal sealed partial class ReferralDialog : Dialog<ReferralState>
{
    public const string DialogId = "referral";
    public const string SubmitVerb = "referral.submit";
    public const string EditVerb = "referral.edit";

    private const int MaxCardValueLength = 400;

    private readonly ReferralQuestionSets _sets;
    private readonly CardTemplateLibrary _cards;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ReferralDialog> _logger;

    public ReferralDialog(ReferralQuestionSets sets, CardTemplateLibrary cards, TimeProvider timeProvider, ILogger<ReferralDialog> logger)
    {
        _sets = sets;
        _cards = cards;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public override string Id => DialogId;

    public override JsonTypeInfo<ReferralState> StateTypeInfo => ReferralJsonContext.Default.ReferralState;

    public override async Task<DialogResult<ReferralState>> BeginAsync(DialogContext context, CancellationToken cancellationToken)
    {
        var start = context.Turn.Services.GetRequiredService<ReferralStart>();
        var set = _sets.Find(start.ServiceId);
        var state = new ReferralState
        {
            ReferralId = Guid.NewGuid().ToString("N"),
            ServiceId = set?.Service,
            Current = ReferralState.ChooseService,
            HealthAbsenceDays = start.HealthAbsenceDays,
        };

        var directory = context.Turn.Services.GetRequiredService<IPupilDirectory>();
        Pupil? pupil = null;
        if (start.PupilId is { Length: > 0 } pupilId)
        {
            pupil = await directory.FindAsync(pupilId, cancellationToken);
        }
        else if (start.PupilName is { Length: > 0 } name)
        {
            var matches = await directory.FindByNameAsync(name, cancellationToken);
            if (matches.Count == 1)
            {
                pupil = matches[0];
            }
        }

        var intro = new StringBuilder();
        if (pupil is not null)
        {
            var gate = await ReferralAccess.CheckAsync(context.Turn, PupilRecordAction.Refer, pupil, ReferralAccess.StartAction, state.ReferralId, cancellationToken);
            if (!gate.IsAllowed)
            {
                context.Reply(MessageFactory.Text(ReferralAccess.Refusal));
                return DialogResult.Cancelled;
            }

            state = WithPupil(state, pupil);
        }

        Log.ReferralStarted(_logger, state.ReferralId, state.ServiceId ?? "none", context.Turn.TurnId);
        if (set is not null)
        {
            intro.Append(CultureInfo.InvariantCulture, $"Let's make a referral to **{set.Name}**");
            intro.Append(pupil is null ? "." : $" for **{pupil.Name}** ({pupil.ClassName}).");
        }
        else
        {
            intro.Append("Let's make a referral.");
        }

        intro.Append(" I'll ask one question at a time. You can say **back**, **skip** (for optional questions), **change** and a question's name, **save for later** or **cancel** at any point.");
        if (set is not null && pupil is not null)
        {
            (state, var prefilled) = await PrefillAsync(context.Turn, set, state, pupil, cancellationToken);
            if (prefilled > 0)
            {
                intro.Append(CultureInfo.InvariantCulture, $"\n\nI've filled in {prefilled} answer{(prefilled == 1 ? string.Empty : "s")} from {pupil.Name}'s record; you can check {(prefilled == 1 ? "it" : "them")} on the summary before submitting.");
            }
        }

        context.Reply(MessageFactory.Text(intro.ToString()));
        state = set is null ? state : Advance(set, state);
        Prompt(context, state);
        return DialogResult.Waiting(state);
    }

    public override async Task<DialogResult<ReferralState>> ContinueAsync(DialogContext<ReferralState> context, CancellationToken cancellationToken)
    {
        var state = context.State;
        var set = _sets.Find(state.ServiceId);
        var action = context.CardAction;
        if (action is not null)
        {
            return await OnCardActionAsync(context, set, action, cancellationToken);
        }

        var text = context.Text;
        if (text.Length == 0)
        {
            Prompt(context, state);
            return DialogResult.Waiting(state);
        }

        if (set is null || state.Current == ReferralState.ChooseService)
        {
            return ChooseService(context, text);
        }

        var command = Normalise(text);
        if (command is "help" or "what can i say" or "options")
        {
            context.Reply(MessageFactory.Text("Answer the question in your own words. You can also say **back**, **skip** (optional questions only), **change** and a question's name (for example *change date of birth*), **save for later** or **cancel**."));
            Prompt(context, state);
            return DialogResult.Waiting(state);
        }

        if (ChangeTarget(set, state, command) is { } target)
        {
            var jumped = state with { Current = target.Id, EditQueue = [] };
            Prompt(context, jumped);
            return DialogResult.Waiting(jumped);
        }

        if (state.Current == ReferralState.Review)
        {
            if (command is "submit" or "send" or "send it" or "submit it" or "submit referral" or "submit the referral" or "yes" or "confirm")
            {
                return await SubmitAsync(context, set, state, cancellationToken);
            }

            context.Reply(MessageFactory.Text("Press **Submit referral** on the summary, or say **submit**. To change an answer, say **change** and the question's name, or press an **Edit** button."));
            return DialogResult.Waiting(state);
        }

        if (set.Find(state.Current) is not { } question)
        {
            // The question set changed under a saved draft: carry on from the next unanswered question.
            var moved = Advance(set, state);
            Prompt(context, moved);
            return DialogResult.Waiting(moved);
        }

        if (command is "skip" or "skip this" or "skip it" or "skip this one" or "pass")
        {
            if (question.Required)
            {
                context.Reply(MessageFactory.Text("This question is needed for the referral, so it can't be skipped."));
                Prompt(context, state);
                return DialogResult.Waiting(state);
            }

            var answers = new Dictionary<string, string>(state.Answers, StringComparer.Ordinal);
            answers.Remove(question.Id);
            var skipped = Advance(set, state with
            {
                Answers = answers,
                Skipped = [.. state.Skipped.Where(id => id != question.Id), question.Id],
                History = [.. state.History, question.Id],
                Prefilled = [.. state.Prefilled.Where(id => id != question.Id)],
            });
            if (await AuditStepAsync(context, state, ReferralAccess.UpdateAction, cancellationToken) is { } refused)
            {
                return refused;
            }

            Prompt(context, skipped);
            return DialogResult.Waiting(skipped);
        }

        if (command is "keep" or "keep it" or "same" or "no change" or "leave it" && state.Answers.ContainsKey(question.Id))
        {
            var kept = Advance(set, state with { History = [.. state.History, question.Id] });
            Prompt(context, kept);
            return DialogResult.Waiting(kept);
        }

        if (RiskScreen.IndicatesRisk(text))
        {
            return await StopForRiskAsync(context, set, question, text, cancellationToken);
        }

        if (question.Type == QuestionType.Pupil)
        {
            return await AnswerPupilAsync(context, set, state, question, text, cancellationToken);
        }

        switch (AnswerInterpreter.Interpret(question, text, SchoolCalendar.Today(_timeProvider)))
        {
            case AnswerOutcome.Rejected rejected:
                context.Reply(WithChoices(MessageFactory.Text(rejected.Message), question, state));
                return DialogResult.Waiting(state);

            case AnswerOutcome.Accepted accepted:
                if (await AuditStepAsync(context, state, ReferralAccess.UpdateAction, cancellationToken) is { } refused)
                {
                    return refused;
                }

                var next = Advance(set, Record(state, question, accepted.Value));
                Prompt(context, next);
                return DialogResult.Waiting(next);

            default:
                throw new InvalidOperationException("Unknown answer outcome.");
        }
    }

    public override Task RepromptAsync(DialogContext<ReferralState> context, CancellationToken cancellationToken)
    {
        Prompt(context, context.State);
        return Task.CompletedTask;
    }

    public override ReferralState? GoBack(ReferralState state)
    {
        if (state.History.Count == 0)
        {
            return null;
        }

        var previous = state.History[^1];
        return state with { Current = previous, History = [.. state.History.Take(state.History.Count - 1)], EditQueue = [] };
    }

    public override Task OnCancelledAsync(DialogContext<ReferralState> context, CancellationToken cancellationToken)
    {
        Log.ReferralCancelled(_logger, context.State.ReferralId, context.Turn.TurnId);
        context.Reply(MessageFactory.Text("Referral cancelled. Nothing was submitted or sent."));
        return Task.CompletedTask;
    }

    public override Task OnSavingDraftAsync(DialogContext<ReferralState> context, CancellationToken cancellationToken)
    {
        context.Reply(MessageFactory.Text("Saved for later. Nothing has been submitted. Say **continue my referral** when you are ready to carry on."));
        return Task.CompletedTask;
    }

    public override string DescribeDraft(ReferralState state)
    {
        var service = _sets.Find(state.ServiceId)?.Name ?? "A";
        return state.PupilName is { } name ? $"{service} referral for {name}" : $"{service} referral";
    }

    private async Task<DialogResult<ReferralState>> OnCardActionAsync(DialogContext<ReferralState> context, ReferralQuestionSet? set, CardActionRequest action, CancellationToken cancellationToken)
    {
        var state = context.State;
        if (action.GetString("referralId") is { } referralId && referralId != state.ReferralId)
        {
            context.Reply(MessageFactory.Text("That button belongs to a different referral. Here is where this one is:"));
            Prompt(context, state);
            return DialogResult.Waiting(state);
        }

        if (set is null)
        {
            Prompt(context, state);
            return DialogResult.Waiting(state);
        }

        switch (action.Verb)
        {
            case SubmitVerb when state.Current == ReferralState.Review:
                return await SubmitAsync(context, set, state, cancellationToken);

            case EditVerb when action.GetString("section") is { } sectionId && set.FindSection(sectionId) is { } section:
                var queue = set.Questions
                    .Where(q => q.Section == section.Id && ReferralQuestionSet.Applies(q, state.Answers) && q.Type != QuestionType.Pupil)
                    .Select(q => q.Id)
                    .ToList();
                if (queue.Count == 0)
                {
                    context.Reply(MessageFactory.Text($"Nothing in {section.Title} can be changed here. To refer a different pupil, cancel and start a new referral."));
                    Prompt(context, state);
                    return DialogResult.Waiting(state);
                }

                var editing = state with { Current = queue[0], EditQueue = [.. queue.Skip(1)] };
                context.Reply(MessageFactory.Text($"Editing **{section.Title}**. Type a new answer, or say **keep** to leave one as it is."));
                Prompt(context, editing);
                return DialogResult.Waiting(editing);

            default:
                Prompt(context, state);
                return DialogResult.Waiting(state);
        }
    }

    private DialogResult<ReferralState> ChooseService(DialogContext<ReferralState> context, string text)
    {
        if (_sets.Recognise(text) is not { } chosen)
        {
            context.Reply(ServicePrompt("I didn't recognise that service. Which one is the referral for?"));
            return DialogResult.Waiting(context.State);
        }

        var state = Advance(chosen, context.State with { ServiceId = chosen.Service });
        context.Reply(MessageFactory.Text($"A referral to **{chosen.Name}**."));
        Prompt(context, state);
        return DialogResult.Waiting(state);
    }

    private async Task<DialogResult<ReferralState>> AnswerPupilAsync(DialogContext<ReferralState> context, ReferralQuestionSet set, ReferralState state, ReferralQuestion question, string text, CancellationToken cancellationToken)
    {
        var directory = context.Turn.Services.GetRequiredService<IPupilDirectory>();
        var pupil = await PickPupilAsync(directory, state, text, cancellationToken);
        if (pupil is null)
        {
            var matches = await directory.FindByNameAsync(StripClass(text), cancellationToken);
            if (matches.Count > 1)
            {
                var choosing = state with { PupilCandidates = [.. matches.Take(6).Select(p => p.Id)] };
                var reply = MessageFactory.Text("More than one pupil matches. Which one?") with
                {
                    SuggestedActions = new SuggestedActions { Actions = [.. matches.Take(6).Select(p => ImBack($"{p.Name} ({p.ClassName})"))] },
                };
                context.Reply(reply);
                return DialogResult.Waiting(choosing);
            }

            context.Reply(MessageFactory.Text("I can't find a pupil by that name on the school roster. Please type their first name and surname."));
            return DialogResult.Waiting(state);
        }

        var gate = await ReferralAccess.CheckAsync(context.Turn, PupilRecordAction.Refer, pupil, ReferralAccess.StartAction, state.ReferralId, cancellationToken);
        if (!gate.IsAllowed)
        {
            context.Reply(MessageFactory.Text(ReferralAccess.Refusal));
            return DialogResult.Cancelled;
        }

        var changed = state.PupilId is not null && state.PupilId != pupil.Id;
        var withPupil = WithPupil(state with { History = [.. state.History, question.Id] }, pupil, dropPrefilled: changed);
        (withPupil, var prefilled) = await PrefillAsync(context.Turn, set, withPupil, pupil, cancellationToken);
        if (prefilled > 0)
        {
            context.Reply(MessageFactory.Text($"I've filled in {prefilled} answer{(prefilled == 1 ? string.Empty : "s")} from {pupil.Name}'s record; you can check them on the summary before submitting."));
        }

        var next = Advance(set, withPupil);
        Prompt(context, next);
        return DialogResult.Waiting(next);
    }

    private static async Task<Pupil?> PickPupilAsync(IPupilDirectory directory, ReferralState state, string text, CancellationToken cancellationToken)
    {
        // A pick from the "which one?" buttons: "Sam Taylor (5B)".
        foreach (var candidateId in state.PupilCandidates)
        {
            if (await directory.FindAsync(candidateId, cancellationToken) is { } candidate
                && string.Equals(Normalise($"{candidate.Name} ({candidate.ClassName})"), Normalise(text), StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        var matches = await directory.FindByNameAsync(StripClass(text), cancellationToken);
        return matches.Count == 1 ? matches[0] : null;
    }

    private async Task<DialogResult<ReferralState>> StopForRiskAsync(DialogContext<ReferralState> context, ReferralQuestionSet set, ReferralQuestion question, string text, CancellationToken cancellationToken)
    {
        var state = context.State with { RiskIndicated = true };

        // The safeguarding route comes first, before anything about the form.
        var dsl = await DslNameAsync(context.Turn, cancellationToken);
        context.Reply(MessageFactory.Text(
            "**If a child is in immediate danger, call 999 now.**\n\n"
            + $"Tell the designated safeguarding lead{(dsl is null ? string.Empty : $" ({dsl})")} straight away, today, and follow the school's safeguarding procedure. "
            + "Don't wait for this referral, and don't promise the child to keep it secret. If a child has self-harmed or taken an overdose, get medical help at once."));

        // Keep what they wrote when it is a valid answer: it belongs in the referral.
        var kept = question.Type switch
        {
            QuestionType.Pupil => state,
            _ => AnswerInterpreter.Interpret(question, text, SchoolCalendar.Today(_timeProvider)) is AnswerOutcome.Accepted accepted
                ? Advance(set, Record(state, question, accepted.Value))
                : state,
        };

        if (await AuditStepAsync(context, state, ReferralAccess.RiskAction, cancellationToken) is { } refused)
        {
            return refused;
        }

        Log.ReferralStoppedForRisk(_logger, state.ReferralId, context.Turn.TurnId);
        context.Reply(MessageFactory.Text("I've stopped the referral here and saved it as a draft with your answers. When the child is safe and the DSL knows, say **continue my referral** to carry on."));
        return DialogResult.SaveAsDraft(kept);
    }

    private async Task<DialogResult<ReferralState>> SubmitAsync(DialogContext<ReferralState> context, ReferralQuestionSet set, ReferralState state, CancellationToken cancellationToken)
    {
        if (NextQuestion(set, state) is { } missing)
        {
            var toAnswer = state with { Current = missing.Id, EditQueue = [] };
            context.Reply(MessageFactory.Text("One more answer is needed before this can be submitted."));
            Prompt(context, toAnswer);
            return DialogResult.Waiting(toAnswer);
        }

        var pupil = state.PupilId is null ? null : await context.Turn.Services.GetRequiredService<IPupilDirectory>().FindAsync(state.PupilId, cancellationToken);
        if (pupil is null)
        {
            context.Reply(MessageFactory.Text("I can't find this pupil on the school roster any more, so the referral can't be submitted. Please check with the office."));
            return DialogResult.Waiting(state);
        }

        var gate = await ReferralAccess.CheckAsync(context.Turn, PupilRecordAction.Refer, pupil, ReferralAccess.SubmitAction, state.ReferralId, cancellationToken);
        if (!gate.IsAllowed)
        {
            context.Reply(MessageFactory.Text(ReferralAccess.Refusal));
            return DialogResult.Cancelled;
        }

        var referral = new Referral
        {
            ReferralId = state.ReferralId,
            ServiceId = set.Service,
            ServiceName = set.Name,
            PupilId = pupil.Id,
            PupilName = pupil.Name,
            ClassName = state.PupilClass ?? pupil.ClassName,
            Answers = [.. Answers(set, state)],
            RiskIndicated = state.RiskIndicated,
            SubmittedByUserId = ReferralAccess.UserId(context.Turn),
            SubmittedAt = _timeProvider.GetUtcNow(),
        };

        var filings = context.Turn.Services.GetRequiredService<ReferralFilings>();
        var submission = await context.Turn.Services.GetRequiredService<IReferralStore>().SubmitAsync(referral, filings.For, cancellationToken);
        Log.ReferralSubmitted(_logger, submission.Referral.ReferralId, submission.Created, context.Turn.TurnId);
        context.Reply(MessageFactory.Text(ReferralConversation.SubmittedMessage(submission, filings)));
        return DialogResult.Complete;
    }

    private static async Task<DialogResult<ReferralState>?> AuditStepAsync(DialogContext<ReferralState> context, ReferralState state, string auditAction, CancellationToken cancellationToken)
    {
        if (state.PupilId is null)
        {
            return null;
        }

        var pupil = await context.Turn.Services.GetRequiredService<IPupilDirectory>().FindAsync(state.PupilId, cancellationToken);
        if (pupil is not null && (await ReferralAccess.CheckAsync(context.Turn, PupilRecordAction.Refer, pupil, auditAction, state.ReferralId, cancellationToken)).IsAllowed)
        {
            return null;
        }

        context.Reply(MessageFactory.Text(ReferralAccess.Refusal));
        return DialogResult.Cancelled;
    }

    private static async Task<string?> DslNameAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var dsls = await turn.Services.GetRequiredService<IStaffDirectory>().InRoleAsync(StaffRole.Dsl, cancellationToken);
        return dsls.Count > 0 ? dsls[0].DisplayName : null;
    }

    /// <summary>Fills unanswered questions from the roster, the healthcare plan (when the user may read it) and attendance.</summary>
    private static async Task<(ReferralState State, int Count)> PrefillAsync(ITurnContext turn, ReferralQuestionSet set, ReferralState state, Pupil pupil, CancellationToken cancellationToken)
    {
        HealthcarePlan? plan = null;
        var needsPlan = set.Questions.Any(q => q.Prefill?.StartsWith("plan.", StringComparison.Ordinal) == true && !state.Answers.ContainsKey(q.Id));
        if (needsPlan && turn.Services.GetService<IHealthcarePlanStore>() is { } plans)
        {
            var found = await plans.GetCurrentForPupilAsync(pupil.Id, cancellationToken);
            if (found is not null)
            {
                // Reading the plan is its own access decision (a DSL may refer but not read the full plan).
                var read = await turn.Services.GetRequiredService<PupilRecordGate>().CheckAsync(
                    new RecordAccessRequest(ReferralAccess.UserId(turn), PupilRecordAction.ViewPlan, pupil, "plan.read", "plan", ReferralAccess.AuditSafe(found.PlanId),
                        ReferralAccess.AuditSafe(turn.Activity.Conversation?.Id), ReferralAccess.AuditSafe(turn.TurnId)),
                    cancellationToken);
                plan = read.IsAllowed ? found : null;
            }
        }

        var answers = new Dictionary<string, string>(state.Answers, StringComparer.Ordinal);
        var prefilled = new List<string>(state.Prefilled);
        var count = 0;
        foreach (var question in set.Questions)
        {
            if (question.Prefill is null || answers.ContainsKey(question.Id))
            {
                continue;
            }

            var value = question.Prefill switch
            {
                PrefillSources.PupilDateOfBirth => pupil.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                PrefillSources.PupilClass => pupil.ClassName,
                PrefillSources.PlanCondition => plan?.Condition,
                PrefillSources.PlanFamilyContacts => plan is { FamilyContacts.Count: > 0 }
                    ? string.Join("; ", plan.FamilyContacts.Select(c => $"{c.Name} ({c.Relationship}) {c.MobilePhone ?? c.HomePhone ?? c.WorkPhone}".Trim()))
                    : null,
                PrefillSources.PlanProfessionals => plan is null ? null : Professionals(plan),
                PrefillSources.AttendanceHealthAbsenceDays => state.HealthAbsenceDays?.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(value))
            {
                answers[question.Id] = value;
                prefilled.Add(question.Id);
                count++;
            }
        }

        return (state with { Answers = answers, Prefilled = prefilled }, count);
    }

    private static string? Professionals(HealthcarePlan plan)
    {
        var parts = new List<string>();
        if (plan.GeneralPractitioner is { } gp)
        {
            parts.Add($"GP: {gp.Name}, {gp.Phone}");
        }

        if (plan.ClinicOrHospital is { } clinic)
        {
            parts.Add($"Clinic or hospital: {clinic.Name}, {clinic.Phone}");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static ReferralState WithPupil(ReferralState state, Pupil pupil, bool dropPrefilled = false)
    {
        var answers = new Dictionary<string, string>(state.Answers, StringComparer.Ordinal);
        var prefilled = state.Prefilled;
        if (dropPrefilled)
        {
            foreach (var id in prefilled)
            {
                answers.Remove(id);
            }

            prefilled = [];
        }

        answers["pupil"] = pupil.Id;
        return state with { PupilId = pupil.Id, PupilName = pupil.Name, PupilClass = pupil.ClassName, Answers = answers, Prefilled = prefilled, PupilCandidates = [] };
    }

    private static ReferralState Record(ReferralState state, ReferralQuestion question, string value)
    {
        var answers = new Dictionary<string, string>(state.Answers, StringComparer.Ordinal) { [question.Id] = value };
        return state with
        {
            Answers = answers,
            Skipped = [.. state.Skipped.Where(id => id != question.Id)],
            Prefilled = [.. state.Prefilled.Where(id => id != question.Id)],
            History = [.. state.History, question.Id],
        };
    }

    /// <summary>The next question to ask: the rest of an Edit section, else the first unanswered one, else the review.</summary>
    private static ReferralState Advance(ReferralQuestionSet set, ReferralState state)
    {
        var queue = state.EditQueue.ToList();
        while (queue.Count > 0)
        {
            var id = queue[0];
            queue.RemoveAt(0);
            if (set.Find(id) is { } queued && ReferralQuestionSet.Applies(queued, state.Answers))
            {
                return state with { Current = id, EditQueue = queue };
            }
        }

        return state with { Current = NextQuestion(set, state)?.Id ?? ReferralState.Review, EditQueue = [] };
    }

    private static ReferralQuestion? NextQuestion(ReferralQuestionSet set, ReferralState state) =>
        set.Questions.FirstOrDefault(q =>
            ReferralQuestionSet.Applies(q, state.Answers)
            && (q.Type == QuestionType.Pupil ? state.PupilId is null : !state.Answers.ContainsKey(q.Id) && !state.Skipped.Contains(q.Id)));

    /// <summary>The question "change &lt;name&gt;" points at, when the text is such a command and names one.</summary>
    private static ReferralQuestion? ChangeTarget(ReferralQuestionSet set, ReferralState state, string command)
    {
        if (ChangeCommand().Match(command) is not { Success: true } match)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        var applicable = set.Questions.Where(q => ReferralQuestionSet.Applies(q, state.Answers)).ToList();
        return applicable.FirstOrDefault(q => Normalise(q.Id) == name || Normalise(q.Label) == name)
            ?? applicable.FirstOrDefault(q => Normalise(q.Label).StartsWith(name, StringComparison.Ordinal))
            ?? applicable.FirstOrDefault(q => $" {Normalise(q.Label)} ".Contains($" {name} ", StringComparison.Ordinal))
            ?? (set.Sections.FirstOrDefault(s => Normalise(s.Title) == name || Normalise(s.Title).StartsWith(name, StringComparison.Ordinal)) is { } section
                ? applicable.FirstOrDefault(q => q.Section == section.Id)
                : null);
    }

    private static IEnumerable<ReferralAnswer> Answers(ReferralQuestionSet set, ReferralState state)
    {
        foreach (var question in set.Questions)
        {
            if (!ReferralQuestionSet.Applies(question, state.Answers))
            {
                continue;
            }

            var section = set.FindSection(question.Section)?.Title ?? question.Section;
            if (question.Type == QuestionType.Pupil)
            {
                yield return new ReferralAnswer(question.Id, section, question.Label, $"{state.PupilName} ({state.PupilClass})", false);
            }
            else if (state.Answers.TryGetValue(question.Id, out var value))
            {
                yield return new ReferralAnswer(question.Id, section, question.Label, AnswerInterpreter.Display(question, value), state.Prefilled.Contains(question.Id));
            }
            else
            {
                yield return new ReferralAnswer(question.Id, section, question.Label, "Not given", false);
            }
        }
    }

    private void Prompt(DialogContext context, ReferralState state)
    {
        if (state.Current == ReferralState.ChooseService || _sets.Find(state.ServiceId) is not { } set)
        {
            context.Reply(ServicePrompt("Which service is the referral for?"));
            return;
        }

        if (state.Current == ReferralState.Review)
        {
            context.Reply(MessageFactory.Card(SummaryCard(set, state), "Check the referral before you submit"));
            context.Reply(MessageFactory.Text("That's everything. Check the answers above, then press **Submit referral** or say **submit**. To change something, press **Edit** or say **change** and the question's name."));
            return;
        }

        if (set.Find(state.Current) is not { } question)
        {
            context.Reply(MessageFactory.Text("Say **submit** to finish, or **cancel**."));
            return;
        }

        var applicable = set.Questions.Where(q => ReferralQuestionSet.Applies(q, state.Answers)).ToList();
        var position = applicable.FindIndex(q => q.Id == question.Id) + 1;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**{position} of {applicable.Count}** · {set.FindSection(question.Section)?.Title}\n\n{question.Prompt}");
        if (!question.Required)
        {
            text.Append(" *(optional: say skip)*");
        }

        if (question.Help is { Length: > 0 } help)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\n_{help}_");
        }

        if (state.Answers.TryGetValue(question.Id, out var current) && question.Type != QuestionType.Pupil)
        {
            var display = AnswerInterpreter.Display(question, current);
            text.Append(CultureInfo.InvariantCulture, $"\n\nCurrently: **{Truncate(display, 200)}**. Type a new answer, or say **keep**.");
        }

        context.Reply(WithChoices(MessageFactory.Text(text.ToString()), question, state));
    }

    private static Activity WithChoices(Activity message, ReferralQuestion question, ReferralState state)
    {
        var actions = new List<CardAction>();
        switch (question.Type)
        {
            case QuestionType.YesNo:
                actions.Add(ImBack("Yes"));
                actions.Add(ImBack("No"));
                break;
            case QuestionType.Choice:
                actions.AddRange(question.Choices.Select(c => ImBack(c.Title)));
                break;
            default:
                break;
        }

        if (state.Answers.ContainsKey(question.Id) && question.Type != QuestionType.Pupil)
        {
            actions.Add(ImBack("Keep"));
        }

        if (!question.Required)
        {
            actions.Add(ImBack("Skip"));
        }

        return actions.Count == 0 ? message : message with { SuggestedActions = new SuggestedActions { Actions = actions } };
    }

    private Activity ServicePrompt(string text) =>
        MessageFactory.Text(text) with
        {
            SuggestedActions = new SuggestedActions { Actions = [.. _sets.All.Select(s => ImBack(s.Name))] },
        };

    private System.Text.Json.Nodes.JsonObject SummaryCard(ReferralQuestionSet set, ReferralState state)
    {
        var answers = Answers(set, state).ToList();
        var sections = set.Sections
            .Select(section => new ReferralSummarySection(
                section.Id,
                section.Title,
                [.. answers.Where(a => set.Find(a.QuestionId)?.Section == section.Id)
                    .Select(a => new ReferralSummaryAnswer(a.Label, Truncate(a.Value, MaxCardValueLength) + (a.Prefilled ? " (pre-filled)" : string.Empty)))]))
            .Where(s => s.Answers.Count > 0)
            .ToList();
        var model = new ReferralSummaryCardModel(state.ReferralId, set.Name, state.PupilName ?? string.Empty, state.PupilClass ?? string.Empty, state.RiskIndicated, answers.Count(a => a.Prefilled), sections);
        return _cards.Get("referrals/referral-summary").Bind(model, ReferralJsonContext.Default.ReferralSummaryCardModel);
    }

    private static CardAction ImBack(string text) => new() { Type = "imBack", Title = text, Value = text };

    private static string Truncate(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static string StripClass(string text) => ClassSuffix().Replace(text, string.Empty).Trim();

    internal static string Normalise(string text)
    {
        var chars = text.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '\'' ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:change|edit|amend|correct|fix|go to|go back to)\s+(?:the\s+|my\s+|their\s+|answer\s+(?:to|for)\s+(?:the\s+)?)?(?<name>.+)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ChangeCommand();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\([^)]*\)\s*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ClassSuffix();

    private static partial class Log
    {
        [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Referral {ReferralId} started for service {ServiceId} (turn {TurnId})")]
        public static partial void ReferralStarted(ILogger logger, string referralId, string serviceId, string turnId);

        [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Referral {ReferralId} submitted (new: {Created}) (turn {TurnId})")]
        public static partial void ReferralSubmitted(ILogger logger, string referralId, bool created, string turnId);

        [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Referral {ReferralId} stopped: an answer indicated a risk of harm; safeguarding route given (turn {TurnId})")]
        public static partial void ReferralStoppedForRisk(ILogger logger, string referralId, string turnId);

        [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Referral {ReferralId} cancelled (turn {TurnId})")]
        public static partial void ReferralCancelled(ILogger logger, string referralId, string turnId);
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Core.Pupils;
using F = HealthGuideBot.Host.Conversations.HealthcarePlans.PlanFormFields;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>
/// The Individual Healthcare Plan form: one card per part of DfE Template A, a summary, Submit. Every button is an
/// <c>Action.Execute</c> (verbs <c>plans.form.*</c>), so each card replaces the last in place; the conversation
/// turns this dialog's reply into the invoke response. Values are checked here as well as on the card.
/// The documents and the review scheduler are taken from the turn at Submit only: the dialog is built on every
/// turn of every user, and those collaborators are needed by no other step.
/// </summary>
internal sealed partial class PlanFormDialog : Dialog<PlanFormState>
{
    public const string DialogId = "healthcare-plan-form";
    public const string NextVerb = "plans.form.next";
    public const string BackVerb = "plans.form.back";
    public const string SaveDraftVerb = "plans.form.saveDraft";
    public const string CancelVerb = "plans.form.cancel";
    public const string SubmitVerb = "plans.form.submit";

    /// <summary>Every verb the form's cards send.</summary>
    public static IReadOnlyList<string> FormVerbs { get; } = [NextVerb, BackVerb, SaveDraftVerb, CancelVerb, SubmitVerb];

    private readonly CardTemplateLibrary _cards;
    private readonly PlanFormLaunch _launch;
    private readonly IPupilDirectory _pupils;
    private readonly IStaffDirectory _staff;
    private readonly IHealthcarePlanStore _plans;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PlanFormDialog> _logger;

    public PlanFormDialog(
        CardTemplateLibrary cards,
        PlanFormLaunch launch,
        IPupilDirectory pupils,
        IStaffDirectory staff,
        IHealthcarePlanStore plans,
        TimeProvider timeProvider,
        ILogger<PlanFormDialog> logger)
    {
        _cards = cards;
        _launch = launch;
        _pupils = pupils;
        _staff = staff;
        _plans = plans;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public override string Id => DialogId;

    public override JsonTypeInfo<PlanFormState> StateTypeInfo => PlanFormJsonContext.Default.PlanFormState;

    public override async Task<DialogResult<PlanFormState>> BeginAsync(DialogContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = _launch.Pending ?? throw new InvalidOperationException("The plan form was begun without a launch state; start it through PlanFormConversation.");
        context.Reply(await BuildStepCardAsync(context, state, errors: null, _launch.PreviousChanges, cancellationToken));
        return DialogResult.Waiting(state);
    }

    public override async Task<DialogResult<PlanFormState>> ContinueAsync(DialogContext<PlanFormState> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.State;
        var action = context.CardAction;
        switch (action?.Verb)
        {
            case BackVerb:
                var previous = GoBack(state) ?? state;
                context.Reply(await BuildStepCardAsync(context, previous, errors: null, previousChanges: null, cancellationToken));
                return DialogResult.Waiting(previous);

            case CancelVerb:
                await OnCancelledAsync(context, cancellationToken);
                return DialogResult.Cancelled;

            case SaveDraftVerb:
                context.Reply(MessageFactory.Text(DraftSavedText));
                return DialogResult.SaveAsDraft(state);

            case SubmitVerb when state.Step == F.SummaryStep:
                return await SubmitAsync(context, action.GetString("submissionId"), cancellationToken);

            case NextVerb when state.Step < F.SummaryStep:
                return await NextAsync(context, action.Data, cancellationToken);

            default:
                // A typed message, or a button from an older card: show where the form is.
                if (action is null)
                {
                    context.Reply(MessageFactory.Text("You have a healthcare plan form open. Fill in the card and press Next, or type \"save for later\" or \"cancel\"."));
                }

                await RepromptAsync(context, cancellationToken);
                return DialogResult.Waiting(state);
        }
    }

    public override async Task RepromptAsync(DialogContext<PlanFormState> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Reply(await BuildStepCardAsync(context, context.State, errors: null, previousChanges: null, cancellationToken));
    }

    public override PlanFormState? GoBack(PlanFormState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Step <= state.FirstStep ? null : state with { Step = state.Step - 1 };
    }

    public override Task OnCancelledAsync(DialogContext<PlanFormState> context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Reply(MessageFactory.Text(context.State.BaseVersion is null
            ? "Cancelled. Nothing was saved."
            : "Review cancelled. Nothing was saved; the current plan still stands."));
        return Task.CompletedTask;
    }

    public override string DescribeDraft(PlanFormState state)
    {
        ArgumentNullException.ThrowIfNull(state);

        // Shown only to its owner (drafts are per user); kept free of the condition and other health details.
        var who = state.PupilName is { Length: > 0 } name ? $" for {name}" : string.Empty;
        return state.BaseVersion is null ? $"New healthcare plan{who}" : $"Review of the healthcare plan{who}";
    }

    internal const string DraftSavedText = "Saved as a draft. Say \"continue my draft\" when you want to carry on.";

    private async Task<DialogResult<PlanFormState>> NextAsync(DialogContext<PlanFormState> context, JsonElement data, CancellationToken cancellationToken)
    {
        var state = context.State;
        var step = CurrentStep(state);
        var values = new Dictionary<string, string>(state.Values, StringComparer.Ordinal);
        foreach (var field in step.Fields)
        {
            values[field.Id] = data.ValueKind == JsonValueKind.Object && data.TryGetProperty(field.Id, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!.Trim()
                : field.Kind == PlanFieldKind.Toggle ? PlanFormValues.False : string.Empty;
        }

        var choices = await ChoicesAsync(context, state, cancellationToken);
        var errors = PlanFormValues.Validate(step, values, state.PlanDate, f => choices.TryGetValue(f.Id, out var c) ? [.. c.Select(x => x.Value)] : []);
        state = state with { Values = values };
        if (errors.Count > 0)
        {
            Log.StepInvalid(_logger, state.Step, errors.Count);
            context.Reply(await BuildStepCardAsync(context, state, errors, previousChanges: null, cancellationToken));
            return DialogResult.Waiting(state);
        }

        if (state.Step == F.PupilStep)
        {
            var chosen = await ChoosePupilAsync(context, state, cancellationToken);
            if (chosen.Refused)
            {
                context.Reply(MessageFactory.Text(PlanFormConversation.RefusalText));
                return DialogResult.Cancelled;
            }

            state = chosen.State;
            if (chosen.Error is { } error)
            {
                context.Reply(await BuildStepCardAsync(context, state, new Dictionary<string, string> { [step.Fields[0].Id] = error }, null, cancellationToken));
                return DialogResult.Waiting(state);
            }

            if (state.PupilId is null)
            {
                // Several pupils matched: the same step now offers them to choose from.
                context.Reply(await BuildStepCardAsync(context, state, null, null, cancellationToken));
                return DialogResult.Waiting(state);
            }

            if (chosen.Notice is { } notice)
            {
                context.Reply(MessageFactory.Text(notice));
            }
        }

        state = state with { Step = state.Step + 1 };
        context.Reply(await BuildStepCardAsync(context, state, null, null, cancellationToken));
        return DialogResult.Waiting(state);
    }

    private async Task<PupilChoice> ChoosePupilAsync(DialogContext<PlanFormState> context, PlanFormState state, CancellationToken cancellationToken)
    {
        Pupil? pupil = null;
        if (state.PupilOptions is { Count: > 0 } options)
        {
            var id = state.Values.GetValueOrDefault(F.PupilChoice);
            pupil = options.Any(o => o.Id == id) ? await _pupils.FindAsync(id!, cancellationToken) : null;
        }
        else
        {
            var matches = await _pupils.FindByNameAsync(state.Values.GetValueOrDefault(F.PupilName) ?? string.Empty, cancellationToken);
            if (matches.Count == 0)
            {
                return new PupilChoice(state, "No pupil with that name is on the school roster. Check the spelling, or use the name the school uses.");
            }

            if (matches.Count > 1)
            {
                return new PupilChoice(state with { PupilOptions = [.. matches.Take(10).Select(m => new PupilOption(m.Id, m.Name, m.ClassName))] });
            }

            pupil = matches[0];
        }

        if (pupil is null)
        {
            return new PupilChoice(state with { PupilOptions = null }, "Choose the pupil again: that choice is no longer on the roster.");
        }

        var gate = await PlanFormConversation.CheckAsync(context.Turn, pupil, "plan.create", recordId: null, cancellationToken);
        if (!gate.IsAllowed)
        {
            return new PupilChoice(state, Refused: true);
        }

        return await WithPupilAsync(_plans, state, pupil, cancellationToken);
    }

    /// <summary>Fixes the pupil of the form; a pupil who already has a plan gets a review of that plan instead of a second plan.</summary>
    internal static async Task<PupilChoice> WithPupilAsync(IHealthcarePlanStore plans, PlanFormState state, Pupil pupil, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(state.Values, StringComparer.Ordinal);
        if (pupil.DateOfBirth is { } dob && string.IsNullOrWhiteSpace(values.GetValueOrDefault(F.DateOfBirth)))
        {
            values[F.DateOfBirth] = UkSchoolDate.Format(dob);
        }

        state = state with { PupilId = pupil.Id, PupilName = pupil.Name, PupilClass = pupil.ClassName, PupilOptions = null, Values = values };
        var existing = await plans.GetCurrentForPupilAsync(pupil.Id, cancellationToken);
        if (existing is null || state.BaseVersion is not null)
        {
            return new PupilChoice(state);
        }

        var prefilled = PlanFormValues.FromPlan(existing);
        prefilled[F.PupilName] = pupil.Name;
        prefilled[F.ReviewDate] = UkSchoolDate.Format(state.PlanDate.AddYears(1));
        return new PupilChoice(
            state with { PlanId = existing.PlanId, BaseVersion = existing.Version, Values = prefilled },
            Notice: $"{pupil.Name} already has a healthcare plan (version {existing.Version}). The form now shows it, so that you review it: submitting saves version {existing.Version + 1}.");
    }

    private async Task<DialogResult<PlanFormState>> SubmitAsync(DialogContext<PlanFormState> context, string? submissionId, CancellationToken cancellationToken)
    {
        var state = context.State;
        if (!string.Equals(submissionId, state.SubmissionId, StringComparison.Ordinal))
        {
            // A Submit from an older summary card of another run: show the current one instead of saving.
            await RepromptAsync(context, cancellationToken);
            return DialogResult.Waiting(state);
        }

        var services = context.Turn.Services;
        var pupil = await _pupils.FindAsync(state.PupilId!, cancellationToken)
            ?? new Pupil(state.PupilId!, state.PupilName ?? string.Empty, state.PupilClass ?? string.Empty, null);
        var gate = await PlanFormConversation.CheckAsync(context.Turn, pupil, state.BaseVersion is null ? "plan.create" : "plan.review", state.PlanId, cancellationToken);
        if (!gate.IsAllowed)
        {
            context.Reply(MessageFactory.Text(PlanFormConversation.RefusalText));
            return DialogResult.Cancelled;
        }

        var userId = PlanFormConversation.UserId(context.Turn);
        var plan = PlanFormValues.ToPlan(state, userId, _timeProvider.GetUtcNow());
        var documents = services.GetRequiredService<IPlanDocuments>();
        var saved = await _plans.SaveVersionAsync(plan, state.SubmissionId, p => PlanFilings.For(p, documents), cancellationToken);
        await services.GetRequiredService<IPlanReviewScheduler>().ScheduleAsync(
            new PlanReviewDue(saved.PlanId, saved.Version, saved.PupilId, saved.ReviewDate, saved.ResponsibleNurseUserId), cancellationToken);
        Log.PlanSubmitted(_logger, saved.PlanId, saved.Version);
        // Teachers of the class are asked to acknowledge the new version, in the background: the plan is saved
        // whatever happens there, and the nurse's Submit is answered without waiting for Teams.
        await services.GetRequiredService<PlanSavedQueue>().EnqueueAsync(saved, cancellationToken);

        var nurse = await _staff.FindAsync(saved.ResponsibleNurseUserId, cancellationToken);
        var card = _cards.Get("plans/plan-saved").Bind(
            new PlanSavedCardModel(
                saved.PupilName,
                saved.ClassName,
                PlanFilings.Reference(saved.PlanId),
                saved.Version.ToString(CultureInfo.InvariantCulture),
                UkSchoolDate.Format(saved.PlanDate),
                UkSchoolDate.Format(saved.ReviewDate),
                nurse?.DisplayName ?? "the responsible nurse"),
            PlanCardJsonContext.Default.PlanSavedCardModel);
        context.Reply(MessageFactory.Card(card, "Healthcare plan saved"));
        return DialogResult.Complete;
    }

    private static PlanFormStep CurrentStep(PlanFormState state)
    {
        var step = F.Steps[state.Step];
        return state.Step == F.PupilStep && state.PupilOptions is { Count: > 0 }
            ? step with
            {
                Intro = "More than one pupil matches that name. Choose the right one.",
                Fields = [new PlanField(F.PupilChoice, "Pupil", PlanFieldKind.Choice, Required: true, ErrorMessage: "Choose the pupil.")],
            }
            : step;
    }

    /// <summary>The allowed values of the choice fields of the form, with their titles.</summary>
    private async Task<Dictionary<string, IReadOnlyList<CardChoice>>> ChoicesAsync(DialogContext context, PlanFormState state, CancellationToken cancellationToken)
    {
        var administration = PlanFormValues.AdministrationChoices.Select(c => new CardChoice(c.Title, c.Value)).ToList();
        var choices = new Dictionary<string, IReadOnlyList<CardChoice>>(StringComparer.Ordinal)
        {
            [F.Medicine(1, "Administration")] = administration,
            [F.Medicine(2, "Administration")] = administration,
            [F.PupilChoice] = [.. (state.PupilOptions ?? []).Select(o => new CardChoice($"{o.Name} ({o.ClassName})", o.Id))],
        };
        if (state.Step == F.Steps.Count - 1 || state.Step == F.SummaryStep)
        {
            choices[F.ResponsibleNurse] = await NurseChoicesAsync(context, state, cancellationToken);
        }

        return choices;
    }

    private async Task<IReadOnlyList<CardChoice>> NurseChoicesAsync(DialogContext context, PlanFormState state, CancellationToken cancellationToken)
    {
        var nurses = (await _staff.InRoleAsync(StaffRole.Nurse, cancellationToken)).Select(n => new CardChoice(n.DisplayName, n.UserId)).ToList();
        var wanted = new[] { state.Values.GetValueOrDefault(F.ResponsibleNurse), PlanFormConversation.UserId(context.Turn) };
        foreach (var id in wanted)
        {
            // The plan's current nurse, and the user themselves, are always offered (a SENCO may hold the reminders).
            if (!string.IsNullOrEmpty(id) && nurses.All(n => n.Value != id) && await _staff.FindAsync(id, cancellationToken) is { } member)
            {
                nurses.Add(new CardChoice(member.DisplayName, member.UserId));
            }
        }

        return nurses;
    }

    private async Task<BotFramework.Schema.Activity> BuildStepCardAsync(
        DialogContext context,
        PlanFormState state,
        IReadOnlyDictionary<string, string>? errors,
        IReadOnlyList<string>? previousChanges,
        CancellationToken cancellationToken)
    {
        var heading = state.BaseVersion is null ? "New healthcare plan" : $"Review of the healthcare plan (version {state.BaseVersion})";
        var pupilLine = state.PupilName is { Length: > 0 } name ? $"{name}, class {state.PupilClass}" : null;
        var choices = await ChoicesAsync(context, state, cancellationToken);
        if (state.Step >= F.SummaryStep)
        {
            return await BuildSummaryCardAsync(context, state, heading, choices, cancellationToken);
        }

        var step = CurrentStep(state);
        var values = new Dictionary<string, string>(state.Values, StringComparer.Ordinal);
        if (step.Fields.Any(f => f.Id == F.ResponsibleNurse) && string.IsNullOrEmpty(values.GetValueOrDefault(F.ResponsibleNurse)))
        {
            var me = PlanFormConversation.UserId(context.Turn);
            values[F.ResponsibleNurse] = choices[F.ResponsibleNurse].Any(c => c.Value == me) ? me : (choices[F.ResponsibleNurse] is { Count: > 0 } nurses ? nurses[0].Value : string.Empty);
        }

        if (step.Fields.Any(f => f.Id == F.ReviewDate) && string.IsNullOrEmpty(values.GetValueOrDefault(F.ReviewDate)))
        {
            values[F.ReviewDate] = UkSchoolDate.Format(state.PlanDate.AddYears(1));
        }

        var fields = step.Fields.Select(f => new PlanFieldCardModel(
            f.Id,
            f.Label,
            f.Kind switch { PlanFieldKind.Choice => "choice", PlanFieldKind.Toggle => "toggle", _ => "text" },
            f.Required,
            f.Multiline,
            f.MaxLength,
            f.Regex,
            f.ErrorMessage,
            f.Placeholder,
            values.GetValueOrDefault(f.Id) is { Length: > 0 } v ? v : f.Kind == PlanFieldKind.Toggle ? PlanFormValues.False : null,
            f.Kind == PlanFieldKind.Choice ? choices.GetValueOrDefault(f.Id) ?? [] : null,
            errors?.GetValueOrDefault(f.Id))).ToList();
        var visibleSteps = F.SummaryStep + 1 - state.FirstStep;
        var model = new PlanStepCardModel(
            heading,
            state.Step - state.FirstStep + 1,
            visibleSteps,
            step.Title,
            pupilLine,
            step.Intro,
            previousChanges is { Count: > 0 } ? $"What changed in version {state.BaseVersion}" : null,
            previousChanges is { Count: > 0 } ? previousChanges : null,
            errors is { Count: > 0 } ? [.. errors.Values] : null,
            fields);
        var card = _cards.Get("plans/plan-step").Bind(model, PlanCardJsonContext.Default.PlanStepCardModel);
        return MessageFactory.Card(card, $"{heading}: {step.Title}");
    }

    private async Task<BotFramework.Schema.Activity> BuildSummaryCardAsync(
        DialogContext context,
        PlanFormState state,
        string heading,
        Dictionary<string, IReadOnlyList<CardChoice>> choices,
        CancellationToken cancellationToken)
    {
        string Display(PlanField field, string value) => field.Kind switch
        {
            PlanFieldKind.Toggle => value == PlanFormValues.True ? "Yes" : "No",
            PlanFieldKind.Choice => choices.GetValueOrDefault(field.Id)?.FirstOrDefault(c => c.Value == value)?.Title ?? value,
            _ => value,
        };

        var sections = new List<PlanSummarySection>
        {
            new("Pupil", [new CardFact("Name", state.PupilName ?? string.Empty), new CardFact("Class", state.PupilClass ?? string.Empty), new CardFact("Plan date", UkSchoolDate.Format(state.PlanDate))]),
        };
        foreach (var step in F.Steps.Skip(F.AboutStep))
        {
            var facts = step.Fields
                .Where(f => state.Values.GetValueOrDefault(f.Id) is { Length: > 0 })
                .Select(f => new CardFact(f.Label, Display(f, state.Values[f.Id])))
                .ToList();
            if (facts.Count > 0)
            {
                sections.Add(new PlanSummarySection(step.Title, facts));
            }
        }

        IReadOnlyList<string>? changes = null;
        var nextVersion = 1;
        if (state.BaseVersion is { } baseVersion)
        {
            var current = await _plans.GetVersionAsync(state.PlanId, baseVersion, cancellationToken);
            changes = current is null ? null : PlanFormValues.Changes(PlanFormValues.FromPlan(current), state.Values, Display);
            nextVersion = baseVersion + 1;
        }

        var model = new PlanSummaryCardModel(
            state.BaseVersion is null ? $"New healthcare plan for {state.PupilName}" : $"Review of the healthcare plan for {state.PupilName}",
            state.BaseVersion is null ? "Submitting saves the plan and files it." : $"Submitting saves version {nextVersion} of the plan and files it.",
            state.BaseVersion is not null,
            state.BaseVersion,
            changes is { Count: > 0 } ? changes : null,
            sections,
            state.SubmissionId);
        var card = _cards.Get("plans/plan-summary").Bind(model, PlanCardJsonContext.Default.PlanSummaryCardModel);
        return MessageFactory.Card(card, heading);
    }

    /// <summary>The outcome of choosing the pupil on the first step.</summary>
    internal sealed record PupilChoice(PlanFormState State, string? Error = null, bool Refused = false, string? Notice = null);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4400, Level = LogLevel.Debug, Message = "Plan form step {Step} has {ErrorCount} problems; shown on the card")]
        public static partial void StepInvalid(ILogger logger, int step, int errorCount);

        [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Plan {PlanId} version {Version} submitted through the form")]
        public static partial void PlanSubmitted(ILogger logger, string planId, int version);
    }
}

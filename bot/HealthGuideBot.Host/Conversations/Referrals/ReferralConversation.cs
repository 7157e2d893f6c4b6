using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Core;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Filing;
using HealthGuideBot.Core.Pupils;
using HealthGuideBot.Core.Referrals;

namespace HealthGuideBot.Host.Conversations.Referrals;

/// <summary>
/// The ways into a referral: "I need to refer Sam to CAMHS", "new referral", the help card's button, the attendance
/// trigger's card (<c>referrals.start</c> with service, pupil id and health-related absence days), "continue my
/// referral" for a draft, and "what's the status of my referral?" afterwards.
/// </summary>
internal sealed partial class ReferralConversation
{
    /// <summary>Starts a referral from a card: data <c>{service, pupilId, healthAbsenceDays?}</c> (all optional).</summary>
    public const string StartVerb = "referrals.start";

    /// <summary>The help card's "Start a referral" button.</summary>
    public const string NewVerb = "referrals.new";

    private const int StatusLimit = 3;

    private readonly DialogManager _dialogs;
    private readonly ReferralQuestionSets _sets;
    private readonly ReferralStart _start;
    private readonly TimeProvider _timeProvider;

    public ReferralConversation(DialogManager dialogs, ReferralQuestionSets sets, ReferralStart start, TimeProvider timeProvider)
    {
        _dialogs = dialogs;
        _sets = sets;
        _start = start;
        _timeProvider = timeProvider;
    }

    /// <summary>"refer Sam to CAMHS", "I need to make a referral", "new referral" (not "how do I refer…?").</summary>
    public static bool IsStartRequest(string text) =>
        StartPattern().IsMatch(text.Trim()) && !IsStatusRequest(text) && !IsResumeRequest(text);

    public static bool IsResumeRequest(string text) => ResumePattern().IsMatch(text.Trim());

    public static bool IsStatusRequest(string text) => StatusPattern().IsMatch(text.Trim()) || ReferralReference.Find(text) is not null;

    public async Task StartFromTextAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var text = turn.Activity.Text?.Trim() ?? string.Empty;
        var service = _sets.Recognise(text);
        _start.ServiceId = service?.Service;
        _start.PupilName = PupilNameIn(text, service);
        await BeginAsync(turn, cancellationToken);
    }

    public async Task<AdaptiveCardInvokeResponse> StartFromCardAsync(ITurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        if (action.Verb == StartVerb && action.Read(ReferralJsonContext.Default.ReferralStartData) is { } data)
        {
            _start.ServiceId = _sets.Find(data.Service)?.Service;
            _start.PupilId = data.PupilId;
            _start.HealthAbsenceDays = data.HealthAbsenceDays is >= 0 and <= 400 ? data.HealthAbsenceDays : null;
        }

        await BeginAsync(turn, cancellationToken);
        return Acknowledge(turn, "Starting the referral: answer the questions in the chat.");
    }

    /// <summary>"continue my referral": resumes the user's most recent referral draft.</summary>
    public async Task ResumeAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var drafts = (await _dialogs.ListDraftsAsync(turn, cancellationToken))
            .Where(d => d.DialogId == ReferralDialog.DialogId)
            .OrderByDescending(d => d.SavedAt)
            .ToList();
        if (drafts.Count == 0)
        {
            await turn.SendActivityAsync(MessageFactory.Text("You have no referral saved for later. Say **new referral** to start one."), cancellationToken);
            return;
        }

        if (drafts.Count > 1)
        {
            await turn.SendActivityAsync(MessageFactory.Text($"You have {drafts.Count} referrals saved for later; here is the most recent: **{drafts[0].Label}**."), cancellationToken);
        }

        var result = await _dialogs.ResumeDraftAsync(turn, drafts[0].DraftId, cancellationToken);
        if (result.Status == DialogTurnStatus.AnotherDialogActive)
        {
            await turn.SendActivityAsync(MessageFactory.Text(AnotherFormActive), cancellationToken);
        }
    }

    /// <summary>"what's the status of my referral?": the user's latest referrals and where their filing stands.</summary>
    public static async Task ShowStatusAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var userId = ReferralAccess.UserId(turn);
        var store = turn.Services.GetRequiredService<IReferralStore>();
        var referrals = await store.ListSubmittedByAsync(userId, 20, cancellationToken);
        if (ReferralReference.Find(turn.Activity.Text) is { } reference)
        {
            referrals = [.. referrals.Where(r => r.Reference == reference)];
        }

        if (referrals.Count == 0)
        {
            await turn.SendActivityAsync(MessageFactory.Text("I can't find a referral you have submitted. Referrals saved for later are not submitted yet: say **continue my referral** to finish one."), cancellationToken);
            return;
        }

        var directory = turn.Services.GetRequiredService<IPupilDirectory>();
        var statusReader = turn.Services.GetService<IFilingStatusReader>();
        var text = new StringBuilder();
        foreach (var referral in referrals.Take(StatusLimit))
        {
            if (await directory.FindAsync(referral.PupilId, cancellationToken) is not { } pupil
                || !(await ReferralAccess.CheckAsync(turn, PupilRecordAction.ViewReferral, pupil, ReferralAccess.ReadAction, referral.ReferralId, cancellationToken)).IsAllowed)
            {
                continue;
            }

            var submitted = TimeZoneInfo.ConvertTime(referral.SubmittedAt, SchoolCalendar.TimeZone);
            text.Append(CultureInfo.InvariantCulture, $"**{referral.Reference}**: {referral.ServiceName} referral for {referral.PupilName}, submitted {submitted.ToString("d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"))}.\n\n");
            var statuses = statusReader is null ? [] : await statusReader.ForRecordAsync(ReferralAccess.RecordType, referral.ReferralId, cancellationToken);
            if (statuses.Count == 0)
            {
                text.Append("- Filing: waiting to be filed.\n\n");
            }

            foreach (var status in statuses.OrderBy(s => s.Target))
            {
                text.Append(CultureInfo.InvariantCulture, $"- {TargetName(status.Target)}: {StateText(status)}\n");
            }

            text.Append('\n');
        }

        await turn.SendActivityAsync(
            MessageFactory.Text(text.Length == 0 ? ReferralAccess.Refusal : text.ToString().TrimEnd()),
            cancellationToken);
    }

    /// <summary>
    /// A Submit (or Edit) pressed when no referral is open: after it was submitted (a double click) or cancelled.
    /// Never submits again; says what happened.
    /// </summary>
    public static async Task<AdaptiveCardInvokeResponse> OnStaleCardAsync(ITurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var referralId = action.GetString("referralId");
        var referral = referralId is null ? null : await turn.Services.GetRequiredService<IReferralStore>().FindAsync(referralId, cancellationToken);
        var text = referral is not null && referral.SubmittedByUserId == ReferralAccess.UserId(turn)
            ? $"This referral has already been submitted as **{referral.Reference}**. Ask **what's the status of my referral?** to see where it is."
            : "This referral is no longer open. Say **continue my referral** to resume a saved one, or **new referral** to start again.";
        await turn.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
        return Silent(turn);
    }

    /// <summary>What the user is told on submission: the reference, and that filing is pending.</summary>
    internal static string SubmittedMessage(ReferralSubmission submission, ReferralFilings filings)
    {
        var referral = submission.Referral;
        if (!submission.Created)
        {
            return $"This referral was already submitted as **{referral.Reference}**. Nothing was sent twice.";
        }

        var mailbox = filings.MailboxFor(referral.ServiceId);
        return $"Referral **{referral.Reference}** to {referral.ServiceName} for {referral.PupilName} is submitted and saved.\n\n"
            + $"Filing is pending: the referral document to *{filings.DocumentDestination}*, a row in the *{filings.RegisterDestination}*"
            + (mailbox is null ? string.Empty : $" and an email to the service ({mailbox})")
            + " are queued and will be retried until they are done. Ask **what's the status of my referral?** at any time.";
    }

    private async Task BeginAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!await ReferralAccess.MayReferAtAllAsync(turn, _timeProvider, cancellationToken))
        {
            await turn.SendActivityAsync(MessageFactory.Text(ReferralAccess.Refusal), cancellationToken);
            return;
        }

        var result = await _dialogs.BeginAsync(turn, ReferralDialog.DialogId, cancellationToken);
        if (result.Status == DialogTurnStatus.AnotherDialogActive)
        {
            await turn.SendActivityAsync(MessageFactory.Text(AnotherFormActive), cancellationToken);
        }
    }

    private const string AnotherFormActive = "You're in the middle of another form here. Finish it, say **save for later**, or say **cancel** first.";

    private static string? PupilNameIn(string text, ReferralQuestionSet? service)
    {
        if (PupilPattern().Match(text) is not { Success: true } match)
        {
            return null;
        }

        var name = match.Groups["name"].Value.Trim();
        if (service is not null)
        {
            foreach (var alias in new[] { service.Name }.Concat(service.Aliases))
            {
                name = Regex.Replace(name, $@"\b{Regex.Escape(alias)}\b", string.Empty, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)).Trim();
            }
        }

        name = NotAName().Replace(name, string.Empty).Trim();
        return name.Length is >= 2 and <= 80 ? name : null;
    }

    private static string TargetName(FilingTarget target) => target switch
    {
        FilingTarget.Document => "Document",
        FilingTarget.RegisterEntry => "Register entry",
        FilingTarget.Email => "Email to the service",
        _ => target.ToString(),
    };

    private static string StateText(FilingStatus status) => status.State switch
    {
        FilingState.Filed => status.Link is { Length: > 0 } link ? $"filed ([open]({link}))" : "filed",
        FilingState.Pending => "waiting to be filed",
        FilingState.Retrying => status.NextAttemptAt is { } next
            ? $"waiting and retrying (attempt {status.Attempts}; next try at {TimeZoneInfo.ConvertTime(next, SchoolCalendar.TimeZone).ToString("HH:mm", CultureInfo.InvariantCulture)})"
            : $"waiting and retrying (attempt {status.Attempts})",
        FilingState.Parked => "waiting for an administrator (they have been alerted); nothing is lost",
        _ => status.State.ToString(),
    };

    private static AdaptiveCardInvokeResponse Acknowledge(ITurnContext turn, string text) =>
        turn.Activity.Type == ActivityTypes.Invoke ? AdaptiveCardInvokeResponse.Message(text) : Silent(turn);

    /// <summary>For an Action.Submit the replies are already sent; for an invoke, a short acknowledgement.</summary>
    private static AdaptiveCardInvokeResponse Silent(ITurnContext turn) =>
        turn.Activity.Type == ActivityTypes.Invoke
            ? AdaptiveCardInvokeResponse.Message("Done.")
            : new AdaptiveCardInvokeResponse { StatusCode = 200, Type = AdaptiveCardInvokeResponse.MessageType };

    [GeneratedRegex(@"^(?:(?:hi|hello|ok|okay|please)[, ]+)?(?:i (?:need|want|would like|'d like|have) to |i need |can i |could i |can you (?:help me )?|please |let'?s |help me |i'd like |i want )?(?:make |start |do |begin |create |open |raise )?(?:a |an |another |the )?(?:new )?(?:\w+ )?(?:refer|referral)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StartPattern();

    [GeneratedRegex(@"^(?:please )?(?:continue|resume|carry on|finish|go back to|back to|open)(?: with)? (?:my |the |a )?(?:\w+ )?(?:saved |draft )?referral", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResumePattern();

    [GeneratedRegex(@"\bstatus\b.*\breferrals?\b|\breferrals?\b.*\bstatus\b|\bwhere(?:'s| is) my referral|\bhas my referral been|\bwhat happened to my referral", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"\b(?:refer|referral for|referral of|refer for)\s+(?<name>.+?)(?:\s+(?:to|for|with)\s+.*)?[.!?]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PupilPattern();

    [GeneratedRegex(@"^(?:a pupil|a child|someone|somebody|a student|them|him|her|the pupil|the child|the|a|to|please)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();
}

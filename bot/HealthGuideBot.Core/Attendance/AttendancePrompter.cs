using System.Globalization;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Notifications;
using HealthGuideBot.Core.Pupils;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Core.Attendance;

/// <summary>
/// The attendance trigger: a pupil whose health-related absence in the current term reaches
/// <see cref="AttendanceOptions.PromptThresholdDays"/> gets the SENCOs a proactive prompt offering a multi-agency panel
/// referral, once per pupil per term. The school's own ledger (<c>attendance:{pupilId}:{termId}:{days}</c>) is written
/// once at least one SENCO was reached; each SENCO's message also carries a once-only notifier key (the ledger key
/// plus their user id), so a crash between sending and recording never sends twice.
/// </summary>
public sealed partial class AttendancePrompter : IAttendancePromptCheck
{
    private readonly IAttendanceStore _store;
    private readonly IStaffDirectory _staff;
    private readonly IPupilDirectory _pupils;
    private readonly IStaffNotifier _notifier;
    private readonly IPanelPromptCards _cards;
    private readonly IAuditLog _audit;
    private readonly AttendanceOptions _options;
    private readonly TermCalendar _calendar;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<AttendancePrompter> _logger;

    public AttendancePrompter(
        IAttendanceStore store,
        IStaffDirectory staff,
        IPupilDirectory pupils,
        IStaffNotifier notifier,
        IPanelPromptCards cards,
        IAuditLog audit,
        IOptions<AttendanceOptions> options,
        TimeProvider timeProvider,
        ILogger<AttendancePrompter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _staff = staff;
        _pupils = pupils;
        _notifier = notifier;
        _cards = cards;
        _audit = audit;
        _options = options.Value;
        _calendar = TermCalendar.From(_options);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The school's once-per-pupil-per-term key.</summary>
    public static string LedgerKey(string pupilId, string termId, int thresholdDays) =>
        string.Create(CultureInfo.InvariantCulture, $"attendance:{pupilId}:{termId}:{thresholdDays}");

    /// <summary>Days from sessions: two sessions (morning and afternoon) are one day.</summary>
    public static decimal SessionsToDays(int sessions) => sessions / 2m;

    /// <summary>
    /// Checks <paramref name="pupilIds"/> (or every pupil with absence this term, when null) and prompts the SENCOs
    /// about each one newly at the threshold. Returns how many pupils were prompted.
    /// </summary>
    public async Task<int> CheckAsync(IReadOnlyCollection<string>? pupilIds, CancellationToken cancellationToken)
    {
        var term = _calendar.CurrentOrLatest(TermCalendar.Today(_timeProvider));
        if (term is null)
        {
            Log.NoTerm(_logger);
            return 0;
        }

        var threshold = _options.PromptThresholdDays;
        var counts = await _store.CountSessionsAsync(term.Start, term.End, _options.EffectiveHealthCodes(), pupilIds, cancellationToken);
        IReadOnlyList<StaffMember>? sencos = null;
        var prompted = 0;
        foreach (var (pupilId, sessions) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (sessions < threshold * 2)
            {
                continue;
            }

            var key = LedgerKey(pupilId, term.Id, threshold);
            if (await _store.HasPromptAsync(key, cancellationToken))
            {
                continue;
            }

            sencos ??= await _staff.InRoleAsync(StaffRole.Senco, cancellationToken);
            if (sencos.Count == 0)
            {
                Log.NoSenco(_logger, term.Id);
                return prompted;
            }

            if (await PromptAsync(key, pupilId, SessionsToDays(sessions), term, threshold, sencos, cancellationToken))
            {
                prompted++;
            }
        }

        Log.Checked(_logger, term.Id, prompted);
        return prompted;
    }

    private async Task<bool> PromptAsync(string key, string pupilId, decimal days, SchoolTerm term, int threshold, IReadOnlyList<StaffMember> sencos, CancellationToken cancellationToken)
    {
        var pupil = await _pupils.FindAsync(pupilId, cancellationToken);
        var card = _cards.Build(new PanelPrompt(pupilId, pupil?.Name ?? pupilId, pupil?.ClassName, days, term.Name));
        var fallback = string.Create(CultureInfo.InvariantCulture, $"A pupil has reached {threshold} days of health-related absence this term: open HealthGuideBot to see who and to start a panel referral.");
        var reached = false;
        foreach (var senco in sencos)
        {
            var result = await _notifier.NotifyAsync(new StaffNotification($"{key}:{senco.UserId}", senco.UserId, card, fallback), cancellationToken);
            if (result is NotificationResult.Sent or NotificationResult.AlreadySent)
            {
                reached = true;
                await _audit.AppendAsync(
                    new AuditEntry(senco.UserId, StaffRole.Senco, "attendance.prompt", "attendance", pupilId, _timeProvider.GetUtcNow(), null, AuditOutcome.Allowed, null),
                    cancellationToken);
            }
            else
            {
                Log.SencoUnreachable(_logger, term.Id);
            }
        }

        if (reached)
        {
            await _store.RecordPromptAsync(new AttendancePromptRecord(key, pupilId, term.Id, threshold, _timeProvider.GetUtcNow()), cancellationToken);
        }

        return reached;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Attendance check for term {TermId}: {PromptedPupils} pupil(s) newly prompted")]
        public static partial void Checked(ILogger logger, string termId, int promptedPupils);

        [LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = "Attendance prompt for term {TermId} not sent: no member of staff holds the SENCO role")]
        public static partial void NoSenco(ILogger logger, string termId);

        [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "Attendance prompt for term {TermId} could not reach a SENCO (bot not installed for them)")]
        public static partial void SencoUnreachable(ILogger logger, string termId);

        [LoggerMessage(EventId = 4303, Level = LogLevel.Debug, Message = "Attendance check skipped: today is before the first configured term")]
        public static partial void NoTerm(ILogger logger);
    }
}

using Microsoft.Extensions.Options;

namespace HealthGuideBot.Core.Attendance;

/// <summary>
/// The <see cref="IAttendanceFeed"/>: validates a batch, keeps its health-related sessions (all or nothing, idempotent),
/// then checks the batch's pupils against the prompt threshold.
/// </summary>
public sealed class AttendanceImporter : IAttendanceFeed
{
    private readonly IAttendanceStore _store;
    private readonly IAttendancePromptCheck _prompter;
    private readonly IReadOnlySet<string> _healthCodes;
    private readonly TimeProvider _timeProvider;

    public AttendanceImporter(IAttendanceStore store, IAttendancePromptCheck prompter, IOptions<AttendanceOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(prompter);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _prompter = prompter;
        _healthCodes = options.Value.EffectiveHealthCodes();
        _timeProvider = timeProvider;
    }

    public async Task<AttendanceImportResult> ImportAsync(IReadOnlyList<AttendanceRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sessions = new Dictionary<(string PupilId, DateOnly Date, AttendanceSession Session), string>();
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i] ?? throw new ArgumentException($"Record {i} is null.", nameof(records));
            if (string.IsNullOrWhiteSpace(record.PupilId) || string.IsNullOrWhiteSpace(record.Code) || !Enum.IsDefined(record.Session))
            {
                throw new ArgumentException($"Record {i} needs a pupil id, a session and a code; nothing was imported.", nameof(records));
            }

            foreach (var session in AttendanceCsvParser.Expand(record.Session))
            {
                sessions[(record.PupilId.Trim(), record.Date, session)] = record.Code.Trim().ToUpperInvariant(); // the newest mark wins
            }
        }

        var health = new List<AttendanceRecord>();
        var other = new List<AttendanceRecord>();
        foreach (var ((pupilId, date, session), code) in sessions)
        {
            (_healthCodes.Contains(code) ? health : other).Add(new AttendanceRecord(pupilId, date, session, code));
        }

        var changes = await _store.ApplyAsync(health, other, _timeProvider.GetUtcNow(), cancellationToken);
        var pupils = sessions.Keys.Select(k => k.PupilId).Distinct(StringComparer.Ordinal).ToList();
        var prompted = pupils.Count == 0 ? 0 : await _prompter.CheckAsync(pupils, cancellationToken);
        return new AttendanceImportResult(changes.Added, changes.Updated, changes.Unchanged, changes.Removed, other.Count - changes.Removed, prompted);
    }
}

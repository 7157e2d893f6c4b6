namespace HealthGuideBot.Core.Attendance;

/// <summary>Health-related absence sessions and the prompt ledger, in the bot's database.</summary>
public interface IAttendanceStore
{
    /// <summary>
    /// In one transaction: upserts <paramref name="health"/> (one record per session: morning or afternoon) and deletes
    /// any held session named in <paramref name="cleared"/>.
    /// </summary>
    Task<AttendanceChanges> ApplyAsync(IReadOnlyList<AttendanceRecord> health, IReadOnlyList<AttendanceRecord> cleared, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Held sessions per pupil between <paramref name="first"/> and <paramref name="last"/> (inclusive) with one of
    /// <paramref name="codes"/>; only <paramref name="pupilIds"/> when given. Pupils with none are absent from the result.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> CountSessionsAsync(DateOnly first, DateOnly last, IReadOnlySet<string> codes, IReadOnlyCollection<string>? pupilIds, CancellationToken cancellationToken);

    /// <summary>True when a prompt with this ledger key was recorded.</summary>
    Task<bool> HasPromptAsync(string key, CancellationToken cancellationToken);

    /// <summary>Records a prompt; recording a key twice keeps the first.</summary>
    Task RecordPromptAsync(AttendancePromptRecord prompt, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IAttendanceStore.ApplyAsync"/> changed, in sessions.</summary>
public sealed record AttendanceChanges(int Added, int Updated, int Unchanged, int Removed);

/// <summary>A prompt sent to the SENCOs: the school's own once-per-pupil-per-term record.</summary>
/// <param name="Key">The ledger key, <c>attendance:{pupilId}:{termId}:{thresholdDays}</c>.</param>
public sealed record AttendancePromptRecord(string Key, string PupilId, string TermId, int ThresholdDays, DateTimeOffset PromptedAt);

namespace HealthGuideBot.Core.Attendance;

/// <summary>
/// Where absence marks enter HealthGuideBot. The embedded default is the CSV import (<c>attendance import file.csv</c>);
/// a school's management information system (MIS) integration implements its own adapter (an MIS webhook, a nightly
/// export job) and pushes marks through this interface, in the bot's process.
/// <para>Contract, for callers:</para>
/// <list type="bullet">
/// <item>A call is one batch and is all or nothing: if any record is invalid, an <see cref="ArgumentException"/> is
/// thrown and nothing is stored.</item>
/// <item>It is idempotent: a session (pupil, date, AM or PM) is held once, so sending the same marks again, or batches
/// that overlap, never counts an absence twice. A whole-day record is the two sessions.</item>
/// <item>The newest mark for a session wins. A mark whose code is not health-related (see
/// <see cref="AttendanceOptions.HealthCodes"/>) removes a health-related mark held for that session, so corrections in
/// the register flow through; otherwise such marks are not stored.</item>
/// <item>After storing, the pupils in the batch are checked against the prompt threshold, and the SENCOs are told about
/// any who reached it this term (once per pupil per term).</item>
/// </list>
/// </summary>
public interface IAttendanceFeed
{
    Task<AttendanceImportResult> ImportAsync(IReadOnlyList<AttendanceRecord> records, CancellationToken cancellationToken);
}

/// <summary>What one batch changed.</summary>
/// <param name="SessionsAdded">Health-related sessions newly held.</param>
/// <param name="SessionsUpdated">Health-related sessions held before with another code.</param>
/// <param name="SessionsUnchanged">Health-related sessions already held with the same code (re-imported).</param>
/// <param name="SessionsRemoved">Held sessions removed because the register now gives a code that is not health-related.</param>
/// <param name="SessionsIgnored">Marks with codes that are not health-related and nothing held to correct.</param>
/// <param name="PupilsPrompted">Pupils the SENCOs were told about after this batch.</param>
public sealed record AttendanceImportResult(
    int SessionsAdded,
    int SessionsUpdated,
    int SessionsUnchanged,
    int SessionsRemoved,
    int SessionsIgnored,
    int PupilsPrompted);

namespace HealthGuideBot.Core.Access;

/// <summary>The result of re-computing the audit hash chain.</summary>
/// <param name="IsIntact">True when every record's hash matches and the sequence has no gaps.</param>
/// <param name="RecordsChecked">How many records were read.</param>
/// <param name="FirstBrokenSequence">The first record whose hash or position is wrong, when not intact.</param>
public sealed record AuditIntegrityReport(bool IsIntact, long RecordsChecked, long? FirstBrokenSequence);

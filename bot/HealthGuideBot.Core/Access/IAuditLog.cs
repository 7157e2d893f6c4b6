namespace HealthGuideBot.Core.Access;

/// <summary>
/// The append-only audit trail of access to health records (security.md 79–80): entries are only ever added,
/// each chained to the previous one by a hash so that any later change or removal is detectable.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends an entry durably; returns it as stored.</summary>
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries matching <paramref name="query"/>, oldest first.</summary>
    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Re-computes the hash chain over every record.</summary>
    Task<AuditIntegrityReport> VerifyIntegrityAsync(CancellationToken cancellationToken);
}

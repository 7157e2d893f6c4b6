namespace HealthGuideBot.Core.Access;

/// <summary>A filter over the audit trail, for admins and tests. Null fields do not filter.</summary>
public sealed record AuditQuery
{
    public string? ActorId { get; init; }

    public string? Action { get; init; }

    public string? RecordType { get; init; }

    public string? RecordId { get; init; }

    /// <summary>Inclusive lower bound on <see cref="AuditEntry.OccurredAt"/>.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound on <see cref="AuditEntry.OccurredAt"/>.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The most records returned, oldest first.</summary>
    public int Limit { get; init; } = 1000;
}

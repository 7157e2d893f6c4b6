namespace HealthGuideBot.Infrastructure.Audit;

/// <summary>
/// The row of one audit entry. Inserted once, never updated or deleted: the context refuses to save changes to it
/// and a database trigger refuses UPDATE and DELETE.
/// </summary>
internal sealed class AuditEntryEntity
{
    /// <summary>1, 2, 3… assigned by the appender inside its write transaction (part of the hashed content).</summary>
    public long Sequence { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public required string ActorId { get; set; }

    public string? ActorRole { get; set; }

    public required string Action { get; set; }

    public required string RecordType { get; set; }

    public string? RecordId { get; set; }

    public string? ConversationId { get; set; }

    public required string Outcome { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the previous row's hash and this row's canonical content.</summary>
    public required string Hash { get; set; }
}

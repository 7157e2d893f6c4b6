using HealthGuideBot.Core.Filing;

namespace HealthGuideBot.Infrastructure.Filing;

/// <summary>
/// One row of the transactional outbox: a <see cref="FilingRequest"/> saved in the same transaction as its record,
/// and the dispatcher's progress filing it. The key is the request's deterministic idempotency key.
/// </summary>
internal sealed class OutboxMessageEntity
{
    public required string Key { get; set; }

    public FilingTarget Target { get; set; }

    public required string RecordType { get; set; }

    public required string RecordId { get; set; }

    public required string Destination { get; set; }

    public string? FileName { get; set; }

    public string? ContentType { get; set; }

    public byte[]? Content { get; set; }

    /// <summary>Register columns as a JSON object of strings.</summary>
    public string? FieldsJson { get; set; }

    public string? MailTo { get; set; }

    public string? MailSubject { get; set; }

    public string? MailBody { get; set; }

    public FilingState State { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not before this time (UTC); null means now.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? FiledAt { get; set; }

    /// <summary>Where the filed item can be opened (SharePoint web URL, local path).</summary>
    public string? Link { get; set; }

    /// <summary>Why the last attempt failed: an HTTP status and Graph error code, never record content.</summary>
    public string? LastError { get; set; }

    /// <summary>The dispatcher instance holding the item, so two instances never file one item at once.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every update.</summary>
    public long Version { get; set; }
}

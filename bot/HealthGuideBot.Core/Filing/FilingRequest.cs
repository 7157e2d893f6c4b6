namespace HealthGuideBot.Core.Filing;

/// <summary>
/// One thing to file, written to the outbox in the same transaction as the record it belongs to, and filed later by
/// the dispatcher through an <see cref="IRecordFiler"/>. <see cref="Key"/> is deterministic (for example
/// <c>plan:7f3c…:v2:document</c>), so a retried save or a retried dispatch can never file twice.
/// </summary>
public sealed record FilingRequest
{
    /// <summary>Unique, deterministic idempotency key; also the outbox row's identity.</summary>
    public required string Key { get; init; }

    public required FilingTarget Target { get; init; }

    /// <summary>The record type, for example <c>plan</c> or <c>referral</c> (audit vocabulary).</summary>
    public required string RecordType { get; init; }

    /// <summary>The record's opaque id.</summary>
    public required string RecordId { get; init; }

    /// <summary>
    /// The library folder (Document) or register name (RegisterEntry), for example <c>Healthcare plans</c> or
    /// <c>Plan register</c>. Mapped to a SharePoint folder/list, or a sub-folder of the local filing folder.
    /// </summary>
    public required string Destination { get; init; }

    /// <summary>Deterministic file name (Document, Email attachment), e.g. <c>IHP-7F3C12-v2.docx</c>. No pupil names.</summary>
    public string? FileName { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The document bytes (Document, Email attachment).</summary>
    public byte[]? Content { get; init; }

    /// <summary>Register columns (RegisterEntry). Upserted by <see cref="Key"/>'s record, so a new version updates the row.</summary>
    public IReadOnlyDictionary<string, string>? Fields { get; init; }

    /// <summary>Recipient (Email), for example the panel's mailbox.</summary>
    public string? MailTo { get; init; }

    public string? MailSubject { get; init; }

    /// <summary>Plain-text body (Email).</summary>
    public string? MailBody { get; init; }
}

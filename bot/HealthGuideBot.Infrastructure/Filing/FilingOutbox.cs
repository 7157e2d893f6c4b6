using System.Text.Json;
using HealthGuideBot.Core.Filing;
using HealthGuideBot.Infrastructure.Persistence;

namespace HealthGuideBot.Infrastructure.Filing;

/// <summary>
/// Adds filings to the outbox inside the caller's unit of work: a store adds its record and calls
/// <see cref="Add"/> on the same context before one <c>SaveChangesAsync</c>, so the record and its filings commit
/// together or not at all (the transactional outbox).
/// </summary>
internal static class FilingOutbox
{
    /// <summary>Tracks <paramref name="request"/> as a pending outbox row; a key already tracked is not added twice.</summary>
    public static void Add(HealthGuideDbContext db, FilingRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        if (db.Outbox.Local.Any(e => e.Key == request.Key))
        {
            return;
        }

        db.Outbox.Add(new OutboxMessageEntity
        {
            Key = request.Key,
            Target = request.Target,
            RecordType = request.RecordType,
            RecordId = request.RecordId,
            Destination = request.Destination,
            FileName = request.FileName,
            ContentType = request.ContentType,
            Content = request.Content,
            FieldsJson = request.Fields is null ? null : JsonSerializer.Serialize(request.Fields),
            MailTo = request.MailTo,
            MailSubject = request.MailSubject,
            MailBody = request.MailBody,
            State = FilingState.Pending,
            CreatedAt = now,
        });
    }

    /// <summary>The request an outbox row holds.</summary>
    public static FilingRequest ToRequest(OutboxMessageEntity entity) => new()
    {
        Key = entity.Key,
        Target = entity.Target,
        RecordType = entity.RecordType,
        RecordId = entity.RecordId,
        Destination = entity.Destination,
        FileName = entity.FileName,
        ContentType = entity.ContentType,
        Content = entity.Content,
        Fields = entity.FieldsJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(entity.FieldsJson),
        MailTo = entity.MailTo,
        MailSubject = entity.MailSubject,
        MailBody = entity.MailBody,
    };
}

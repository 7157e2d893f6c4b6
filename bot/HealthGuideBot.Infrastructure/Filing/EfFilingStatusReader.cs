using HealthGuideBot.Core.Filing;
using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HealthGuideBot.Infrastructure.Filing;

/// <summary>The outbox state of a record's filings, for the card that says "filed" (with a link) or "waiting, retrying".</summary>
internal sealed class EfFilingStatusReader : IFilingStatusReader
{
    private readonly HealthGuideDbContext _db;

    public EfFilingStatusReader(HealthGuideDbContext db) => _db = db;

    public async Task<IReadOnlyList<FilingStatus>> ForRecordAsync(string recordType, string recordId, CancellationToken cancellationToken) =>
        await _db.Outbox.AsNoTracking()
            .Where(e => e.RecordType == recordType && e.RecordId == recordId)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Key)
            .Select(e => new FilingStatus(e.Key, e.Target, e.State, e.Link, e.Attempts, e.NextAttemptAt))
            .ToListAsync(cancellationToken);
}

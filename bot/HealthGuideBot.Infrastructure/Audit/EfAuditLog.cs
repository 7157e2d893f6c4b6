using HealthGuideBot.Core.Access;
using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Infrastructure.Audit;

/// <summary>
/// The audit trail in the bot's database: insert-only, hash-chained. Appends are serialised by the database's write
/// lock (SQLite takes it at <c>BEGIN IMMEDIATE</c>), so two appenders cannot both chain onto the same record.
/// </summary>
internal sealed partial class EfAuditLog : IAuditLog
{
    private readonly HealthGuideDbContext _db;
    private readonly ILogger<EfAuditLog> _logger;

    public EfAuditLog(HealthGuideDbContext db, ILogger<EfAuditLog> logger)
    {
        _db = db;
        _logger = logger;
    }

    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);

        // Join the caller's transaction when there is one (a record change and its audit entry commit together).
        var ownTransaction = _db.Database.CurrentTransaction is null
            ? await _db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        await using (ownTransaction)
        {
            var last = await _db.AuditEntries
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var sequence = (last?.Sequence ?? 0) + 1;
            var hash = AuditChain.ComputeHash(last?.Hash ?? AuditChain.GenesisHash, sequence, entry);
            var row = ToRow(sequence, entry, hash);
            _db.AuditEntries.Add(row);
            try
            {
                await _db.SaveChangesAsync(cancellationToken);
            }
            finally
            {
                _db.Entry(row).State = EntityState.Detached;
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            Log.Appended(_logger, sequence, entry.Action, entry.Outcome);
            return new AuditRecord(sequence, entry, hash);
        }
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = _db.AuditEntries.AsNoTracking();
        if (query.ActorId is { } actorId)
        {
            rows = rows.Where(e => e.ActorId == actorId);
        }

        if (query.Action is { } action)
        {
            rows = rows.Where(e => e.Action == action);
        }

        if (query.RecordType is { } recordType)
        {
            rows = rows.Where(e => e.RecordType == recordType);
        }

        if (query.RecordId is { } recordId)
        {
            rows = rows.Where(e => e.RecordId == recordId);
        }

        if (query.From is { } from)
        {
            rows = rows.Where(e => e.OccurredAt >= from);
        }

        if (query.To is { } to)
        {
            rows = rows.Where(e => e.OccurredAt < to);
        }

        var found = await rows.OrderBy(e => e.Sequence).Take(query.Limit).ToListAsync(cancellationToken);
        return [.. found.Select(row => new AuditRecord(row.Sequence, ToEntry(row), row.Hash))];
    }

    public async Task<AuditIntegrityReport> VerifyIntegrityAsync(CancellationToken cancellationToken)
    {
        var previousHash = AuditChain.GenesisHash;
        long expectedSequence = 1;
        await foreach (var row in _db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            bool intact;
            try
            {
                intact = row.Sequence == expectedSequence
                    && string.Equals(AuditChain.ComputeHash(previousHash, row.Sequence, ToEntry(row)), row.Hash, StringComparison.Ordinal);
            }
            catch (ArgumentException)
            {
                // A field no longer passes AuditEntry's validation: it was written by something other than this log.
                intact = false;
            }

            if (!intact)
            {
                Log.ChainBroken(_logger, row.Sequence);
                return new AuditIntegrityReport(false, expectedSequence, row.Sequence);
            }

            previousHash = row.Hash;
            expectedSequence++;
        }

        return new AuditIntegrityReport(true, expectedSequence - 1, null);
    }

    private static AuditEntryEntity ToRow(long sequence, AuditEntry entry, string hash) => new()
    {
        Sequence = sequence,
        OccurredAt = entry.OccurredAt,
        ActorId = entry.ActorId,
        ActorRole = entry.ActorRole?.ToString(),
        Action = entry.Action,
        RecordType = entry.RecordType,
        RecordId = entry.RecordId,
        ConversationId = entry.ConversationId,
        Outcome = entry.Outcome.ToString(),
        CorrelationId = entry.CorrelationId,
        Hash = hash,
    };

    private static AuditEntry ToEntry(AuditEntryEntity row) => new(
        row.ActorId,
        row.ActorRole is null ? null : Enum.Parse<StaffRole>(row.ActorRole),
        row.Action,
        row.RecordType,
        row.RecordId,
        row.OccurredAt,
        row.ConversationId,
        Enum.Parse<AuditOutcome>(row.Outcome),
        row.CorrelationId);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3020, Level = LogLevel.Debug, Message = "Audit entry {Sequence} appended: {Action} {Outcome}")]
        public static partial void Appended(ILogger logger, long sequence, string action, AuditOutcome outcome);

        [LoggerMessage(EventId = 3021, Level = LogLevel.Critical, Message = "Audit trail integrity check failed at entry {Sequence}: a record was changed, removed or inserted outside the audit log")]
        public static partial void ChainBroken(ILogger logger, long sequence);
    }
}

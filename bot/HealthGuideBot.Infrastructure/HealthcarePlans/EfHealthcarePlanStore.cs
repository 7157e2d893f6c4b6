using System.Text.Json;
using HealthGuideBot.Core.Filing;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Infrastructure.Filing;
using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Infrastructure.HealthcarePlans;

/// <summary>
/// Plan versions in the bot's database. A save writes the version row and its filings (the transactional outbox) in
/// one <c>SaveChangesAsync</c>; the submission id is unique, so of two saves of the same submission (a double-clicked
/// Submit, a retried invoke, two racing turns) exactly one writes and both return the same version.
/// </summary>
internal sealed partial class EfHealthcarePlanStore : IHealthcarePlanStore
{
    /// <summary>Two different submissions for the same plan can race for the same version number; retry a few times.</summary>
    private const int MaxAttempts = 5;

    private readonly HealthGuideDbContext _db;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EfHealthcarePlanStore> _logger;

    public EfHealthcarePlanStore(HealthGuideDbContext db, TimeProvider timeProvider, ILogger<EfHealthcarePlanStore> logger)
    {
        _db = db;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<HealthcarePlan> SaveVersionAsync(
        HealthcarePlan plan,
        string submissionId,
        Func<HealthcarePlan, IReadOnlyList<FilingRequest>> filings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(submissionId);
        ArgumentNullException.ThrowIfNull(filings);
        for (var attempt = 1; ; attempt++)
        {
            if (await FindBySubmissionAsync(submissionId, cancellationToken) is { } earlier)
            {
                Log.RepeatedSubmission(_logger, earlier.PlanId, earlier.Version);
                return earlier;
            }

            var latest = await _db.HealthcarePlanVersions.AsNoTracking()
                .Where(e => e.PlanId == plan.PlanId)
                .MaxAsync(e => (int?)e.Version, cancellationToken) ?? 0;
            var saved = plan with { Version = latest + 1 };
            var row = new HealthcarePlanVersionEntity
            {
                PlanId = saved.PlanId,
                Version = saved.Version,
                PupilId = saved.PupilId,
                CreatedAt = saved.CreatedAt,
                CreatedByUserId = saved.CreatedByUserId,
                ReviewDate = saved.ReviewDate,
                SubmissionId = submissionId,
                PlanJson = JsonSerializer.Serialize(saved, HealthcarePlanJsonContext.Default.HealthcarePlan),
            };
            _db.HealthcarePlanVersions.Add(row);
            var requests = filings(saved);
            var now = _timeProvider.GetUtcNow();
            foreach (var request in requests)
            {
                FilingOutbox.Add(_db, request, now);
            }

            try
            {
                await _db.SaveChangesAsync(cancellationToken);
                Log.VersionSaved(_logger, saved.PlanId, saved.Version, requests.Count);
                return saved;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another save took this submission or this version number first: forget ours and look again.
                Log.SaveRaced(_logger, saved.PlanId, saved.Version, attempt);
            }
            finally
            {
                Detach(row, requests);
            }
        }
    }

    public async Task<HealthcarePlan?> GetCurrentAsync(string planId, CancellationToken cancellationToken)
    {
        var row = await _db.HealthcarePlanVersions.AsNoTracking()
            .Where(e => e.PlanId == planId)
            .OrderByDescending(e => e.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return Read(row);
    }

    public async Task<HealthcarePlan?> GetVersionAsync(string planId, int version, CancellationToken cancellationToken)
    {
        var row = await _db.HealthcarePlanVersions.AsNoTracking()
            .FirstOrDefaultAsync(e => e.PlanId == planId && e.Version == version, cancellationToken);
        return Read(row);
    }

    public async Task<HealthcarePlan?> GetCurrentForPupilAsync(string pupilId, CancellationToken cancellationToken)
    {
        // The pupil's most recently saved version names their current plan; its newest version is that row.
        var row = await _db.HealthcarePlanVersions.AsNoTracking()
            .Where(e => e.PupilId == pupilId)
            .OrderByDescending(e => e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : await GetCurrentAsync(row.PlanId, cancellationToken);
    }

    public async Task AcknowledgeAsync(string planId, int version, string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await HasAcknowledgedAsync(planId, version, userId, cancellationToken))
        {
            return;
        }

        var row = new PlanAcknowledgementEntity { PlanId = planId, Version = version, UserId = userId, AcknowledgedAt = at };
        _db.PlanAcknowledgements.Add(row);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            _db.Entry(row).State = EntityState.Detached;
            if (!await HasAcknowledgedAsync(planId, version, userId, cancellationToken))
            {
                throw;
            }

            // A concurrent press of the same button recorded it first: the acknowledgement stands.
        }
        finally
        {
            _db.Entry(row).State = EntityState.Detached;
        }
    }

    public Task<bool> HasAcknowledgedAsync(string planId, int version, string userId, CancellationToken cancellationToken) =>
        _db.PlanAcknowledgements.AsNoTracking()
            .AnyAsync(e => e.PlanId == planId && e.Version == version && e.UserId == userId, cancellationToken);

    private async Task<HealthcarePlan?> FindBySubmissionAsync(string submissionId, CancellationToken cancellationToken) =>
        Read(await _db.HealthcarePlanVersions.AsNoTracking().FirstOrDefaultAsync(e => e.SubmissionId == submissionId, cancellationToken));

    private static HealthcarePlan? Read(HealthcarePlanVersionEntity? row) =>
        row is null ? null : JsonSerializer.Deserialize(row.PlanJson, HealthcarePlanJsonContext.Default.HealthcarePlan);

    private void Detach(HealthcarePlanVersionEntity row, IReadOnlyList<FilingRequest> requests)
    {
        _db.Entry(row).State = EntityState.Detached;
        foreach (var outbox in _db.Outbox.Local.Where(e => requests.Any(r => r.Key == e.Key)).ToList())
        {
            _db.Entry(outbox).State = EntityState.Detached;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "Plan {PlanId} version {Version} saved with {FilingCount} filings")]
        public static partial void VersionSaved(ILogger logger, string planId, int version, int filingCount);

        [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Repeated submission of plan {PlanId}: version {Version} was already saved, nothing written")]
        public static partial void RepeatedSubmission(ILogger logger, string planId, int version);

        [LoggerMessage(EventId = 3402, Level = LogLevel.Debug, Message = "Saving plan {PlanId} version {Version} raced another save (attempt {Attempt}); looking again")]
        public static partial void SaveRaced(ILogger logger, string planId, int version, int attempt);
    }
}

using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Core.HealthcarePlans.Reviews;
using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Infrastructure.Reviews;

/// <summary>
/// The review schedule in the bot's database: one row per plan. Scheduling a version replaces the plan's row (an
/// older version never replaces a newer one); the prompts themselves are decided by the sweep from this table and
/// the clock, so nothing here depends on when a scheduler fires.
/// </summary>
internal sealed partial class EfPlanReviewScheduleStore : IPlanReviewScheduleStore, IPlanReviewScheduler
{
    private readonly HealthGuideDbContext _db;
    private readonly TimeProvider _timeProvider;
    private readonly PlanReviewOptions _options;
    private readonly ILogger<EfPlanReviewScheduleStore> _logger;

    public EfPlanReviewScheduleStore(HealthGuideDbContext db, TimeProvider timeProvider, IOptions<PlanReviewOptions> options, ILogger<EfPlanReviewScheduleStore> logger)
    {
        _db = db;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
    }

    public async Task ScheduleAsync(PlanReviewDue due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        ArgumentException.ThrowIfNullOrEmpty(due.PlanId);
        ArgumentException.ThrowIfNullOrEmpty(due.PupilId);
        ArgumentException.ThrowIfNullOrEmpty(due.ResponsibleNurseUserId);
        var now = _timeProvider.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            var row = await _db.PlanReviewSchedules.SingleOrDefaultAsync(e => e.PlanId == due.PlanId, cancellationToken);
            try
            {
                if (row is not null && row.Version > due.Version)
                {
                    Log.OlderVersionIgnored(_logger, due.PlanId, due.Version, row.Version);
                    return;
                }

                if (row is null)
                {
                    row = new PlanReviewScheduleEntity { PlanId = due.PlanId, PupilId = due.PupilId, ResponsibleNurseUserId = due.ResponsibleNurseUserId };
                    _db.PlanReviewSchedules.Add(row);
                }

                row.Version = due.Version;
                row.PupilId = due.PupilId;
                row.DueDate = due.DueDate;
                row.ResponsibleNurseUserId = due.ResponsibleNurseUserId;
                row.SnoozedUntil = null;
                row.UpdatedAt = now;
                await _db.SaveChangesAsync(cancellationToken);
                Log.Scheduled(_logger, due.PlanId, due.Version);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Two first schedules of one plan raced; the next pass updates the winner's row.
            }
            finally
            {
                // Only this row: the scoped context may be tracking the caller's own entities.
                if (row is not null)
                {
                    _db.Entry(row).State = EntityState.Detached;
                }
            }
        }
    }

    public async Task MarkDueNowAsync(string planId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(planId);
        var today = ReviewCalendar.SchoolToday(_timeProvider.GetUtcNow(), _options);
        var now = _timeProvider.GetUtcNow();
        var updated = await _db.PlanReviewSchedules.Where(e => e.PlanId == planId).ExecuteUpdateAsync(
            setters => setters.SetProperty(e => e.DueDate, today).SetProperty(e => e.SnoozedUntil, (DateOnly?)null).SetProperty(e => e.UpdatedAt, now),
            cancellationToken);
        if (updated == 0)
        {
            Log.NothingToMarkDue(_logger, planId);
        }
    }

    public async Task<PlanReviewSchedule?> FindAsync(string planId, CancellationToken cancellationToken)
    {
        var row = await _db.PlanReviewSchedules.AsNoTracking().SingleOrDefaultAsync(e => e.PlanId == planId, cancellationToken);
        return row is null ? null : ToSchedule(row);
    }

    public async Task<IReadOnlyList<PlanReviewSchedule>> ListDueByAsync(DateOnly dueOnOrBefore, CancellationToken cancellationToken)
    {
        var rows = await _db.PlanReviewSchedules.AsNoTracking()
            .Where(e => e.DueDate <= dueOnOrBefore)
            .OrderBy(e => e.DueDate).ThenBy(e => e.PlanId)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToSchedule)];
    }

    public async Task<bool> UpdateAsync(PlanReviewSchedule schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var now = _timeProvider.GetUtcNow();
        var updated = await _db.PlanReviewSchedules
            .Where(e => e.PlanId == schedule.PlanId && e.Version == schedule.Version)
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(e => e.DueDate, schedule.DueDate)
                    .SetProperty(e => e.ResponsibleNurseUserId, schedule.ResponsibleNurseUserId)
                    .SetProperty(e => e.SnoozedUntil, schedule.SnoozedUntil)
                    .SetProperty(e => e.UpdatedAt, now),
                cancellationToken);
        return updated == 1;
    }

    private static PlanReviewSchedule ToSchedule(PlanReviewScheduleEntity row) =>
        new(row.PlanId, row.Version, row.PupilId, row.DueDate, row.ResponsibleNurseUserId, row.SnoozedUntil);

    private static partial class Log
    {
        [LoggerMessage(EventId = 3060, Level = LogLevel.Information, Message = "Review of plan {PlanId} version {Version} scheduled")]
        public static partial void Scheduled(ILogger logger, string planId, int version);

        [LoggerMessage(EventId = 3061, Level = LogLevel.Warning, Message = "Review schedule of plan {PlanId} version {Version} ignored: version {StoredVersion} is already scheduled")]
        public static partial void OlderVersionIgnored(ILogger logger, string planId, int version, int storedVersion);

        [LoggerMessage(EventId = 3062, Level = LogLevel.Warning, Message = "Plan {PlanId} has no review schedule to make due now")]
        public static partial void NothingToMarkDue(ILogger logger, string planId);
    }
}

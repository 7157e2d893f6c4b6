using HealthGuideBot.Core.Filing;
using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Infrastructure.Filing;

/// <summary>
/// Files the outbox. Each pass claims due rows with a lease (owner + lease-until, guarded by the row's optimistic
/// <c>Version</c>, so two instances never file one item at once), calls the <see cref="IRecordFiler"/>, and records
/// the outcome: Filed with its link; Retrying at the time the retry policy names (the server's <c>Retry-After</c>,
/// however long, else back-off with jitter); Parked with an administrator alert. All state is in the database, so a
/// restart resumes where it stopped: a lease left by a dead instance expires and the item is claimed again, and the
/// filers reconcile rather than file twice. Between passes it waits on <see cref="TimeProvider"/> until the next
/// item is due, the poll interval passes, or a save signals new rows.
/// </summary>
internal sealed partial class OutboxDispatcher : BackgroundService
{
    private const int MaxReasonLength = 400;

    private readonly IServiceScopeFactory _scopes;
    private readonly IRecordFiler _filer;
    private readonly OutboxSignal _signal;
    private readonly FilingRetryPolicy _policy;
    private readonly FilingParkedAlert _alert;
    private readonly FilingDispatchOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxDispatcher> _logger;

    public OutboxDispatcher(
        IServiceScopeFactory scopes,
        IRecordFiler filer,
        OutboxSignal signal,
        FilingRetryPolicy policy,
        FilingParkedAlert alert,
        IOptions<FilingOptions> options,
        TimeProvider time,
        ILogger<OutboxDispatcher> logger)
    {
        _scopes = scopes;
        _filer = filer;
        _signal = signal;
        _policy = policy;
        _alert = alert;
        _options = options.Value.Dispatch;
        _time = time;
        _logger = logger;
    }

    /// <summary>This instance's lease owner name: unique per process start.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.Started(_logger, InstanceId);
        while (!stoppingToken.IsCancellationRequested)
        {
            Task wake = _signal.Current;
            TimeSpan wait;
            try
            {
                int claimed = await DispatchDueAsync(stoppingToken);
                if (claimed >= _options.BatchSize)
                {
                    continue;
                }

                wait = await TimeUntilNextDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unavailable (locked, disk); the loop must survive, the rows are safe.
                Log.PassFailed(_logger, ex.GetType().Name);
                wait = _options.PollInterval;
            }

            if (wait <= TimeSpan.Zero)
            {
                continue;
            }

            try
            {
                await wake.WaitAsync(wait, _time, stoppingToken);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One pass: claims up to a batch of due items and attempts each. Returns how many were claimed.</summary>
    internal async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimDueAsync(cancellationToken);
        foreach (var item in claimed)
        {
            await AttemptAsync(item, cancellationToken);
        }

        return claimed.Count;
    }

    /// <summary>Claims due items with a lease. Exposed for tests that simulate an instance dying while holding one.</summary>
    internal async Task<IReadOnlyList<ClaimedItem>> ClaimDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        var keys = await db.Outbox.AsNoTracking()
            .Where(e => (e.State == FilingState.Pending || e.State == FilingState.Retrying || e.State == FilingState.Parked)
                && (e.NextAttemptAt == null || e.NextAttemptAt <= now)
                && (e.LeaseUntil == null || e.LeaseUntil <= now))
            .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.CreatedAt)
            .Select(e => e.Key)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);

        var claimed = new List<ClaimedItem>(keys.Count);
        foreach (var key in keys)
        {
            var entity = await db.Outbox.SingleOrDefaultAsync(e => e.Key == key, cancellationToken);
            if (entity is null || entity.State == FilingState.Filed || (entity.LeaseUntil is { } until && until > now))
            {
                continue;
            }

            entity.LeaseOwner = InstanceId;
            entity.LeaseUntil = now + _options.LeaseDuration;
            entity.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                claimed.Add(new ClaimedItem(entity.Key, entity.Version, entity.State, entity.Attempts, FilingOutbox.ToRequest(entity)));
            }
            catch (DbUpdateConcurrencyException)
            {
                Log.ClaimLost(_logger, key);
            }
            finally
            {
                db.Entry(entity).State = EntityState.Detached;
            }
        }

        return claimed;
    }

    /// <summary>Files one claimed item and records the outcome, if this instance still holds the lease.</summary>
    internal async Task AttemptAsync(ClaimedItem item, CancellationToken cancellationToken)
    {
        FilingResult result;
        using (var timeout = new CancellationTokenSource(_options.AttemptTimeout, _time))
        using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                result = await _filer.FileAsync(item.Request, attempt.Token);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down mid-attempt: hand the item back now rather than at lease expiry. The request may
                // still have reached the service; the next attempt reconciles instead of filing again.
                await ReleaseAsync(item);
                throw;
            }
            catch (Exception ex)
            {
                result = new FilingResult.Transient(timeout.IsCancellationRequested ? "attempt timed out" : ex.GetType().Name, null);
            }
        }

        await RecordAsync(item, result, cancellationToken);
    }

    private async Task RecordAsync(ClaimedItem item, FilingResult result, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        var entity = await db.Outbox.SingleOrDefaultAsync(e => e.Key == item.Key, cancellationToken);
        if (entity is null || entity.LeaseOwner != InstanceId || entity.Version != item.Version)
        {
            Log.LeaseLost(_logger, item.Key);
            return;
        }

        entity.Attempts++;
        entity.LeaseOwner = null;
        entity.LeaseUntil = null;
        entity.Version++;
        bool newlyParked = false;
        switch (result)
        {
            case FilingResult.Filed filed:
                entity.State = FilingState.Filed;
                entity.Link = Truncate(filed.Link, 2048);
                entity.FiledAt = now;
                entity.NextAttemptAt = null;
                entity.LastError = null;
                break;
            case FilingResult.Transient transient:
                entity.State = FilingState.Retrying;
                entity.NextAttemptAt = now + _policy.DelayAfter(entity.Target, entity.Attempts, transient.RetryAfter);
                entity.LastError = Truncate(transient.Reason, MaxReasonLength);
                break;
            case FilingResult.NeedsAdministrator parked:
                newlyParked = item.StateWhenClaimed != FilingState.Parked;
                entity.State = FilingState.Parked;
                entity.NextAttemptAt = now + _options.ParkedRecheckInterval;
                entity.LastError = Truncate(parked.Reason, MaxReasonLength);
                break;
            default:
                throw new InvalidOperationException($"Unknown filing result {result.GetType().Name}.");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Log.LeaseLost(_logger, item.Key);
            return;
        }

        switch (result)
        {
            case FilingResult.Filed:
                Log.Filed(_logger, item.Key, entity.Target, entity.Attempts);
                break;
            case FilingResult.Transient:
                Log.WillRetry(_logger, item.Key, entity.Target, entity.Attempts, entity.LastError, entity.NextAttemptAt);
                break;
            case FilingResult.NeedsAdministrator:
                Log.Parked(_logger, item.Key, entity.Target, entity.LastError);
                if (newlyParked)
                {
                    await _alert.RaiseAsync(item.Key, entity.Target, entity.LastError ?? "needs an administrator", cancellationToken);
                }

                break;
        }
    }

    private async Task ReleaseAsync(ClaimedItem item)
    {
        try
        {
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
            var entity = await db.Outbox.SingleOrDefaultAsync(e => e.Key == item.Key, bound.Token);
            if (entity is not null && entity.LeaseOwner == InstanceId && entity.Version == item.Version)
            {
                entity.LeaseOwner = null;
                entity.LeaseUntil = null;
                entity.Version++;
                await db.SaveChangesAsync(bound.Token);
            }
        }
        catch (Exception ex)
        {
            // Best effort: if this fails the lease simply expires.
            Log.ReleaseFailed(_logger, item.Key, ex.GetType().Name);
        }
    }

    private async Task<TimeSpan> TimeUntilNextDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        var open = db.Outbox.AsNoTracking().Where(e => e.State != FilingState.Filed);
        var nextAttempt = await open.Where(e => e.NextAttemptAt != null).MinAsync(e => e.NextAttemptAt, cancellationToken);
        var nextLease = await open.Where(e => e.LeaseUntil != null).MinAsync(e => e.LeaseUntil, cancellationToken);
        bool anyUnscheduled = await open.AnyAsync(e => e.NextAttemptAt == null && e.LeaseUntil == null, cancellationToken);
        var now = _time.GetUtcNow();
        if (anyUnscheduled)
        {
            return TimeSpan.Zero;
        }

        TimeSpan wait = _options.PollInterval;
        foreach (var due in new[] { nextAttempt, nextLease })
        {
            if (due is DateTimeOffset at && at - now < wait)
            {
                wait = at - now;
            }
        }

        return wait;
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];

    /// <summary>A claimed outbox row: the version this instance wrote when it took the lease.</summary>
    internal sealed record ClaimedItem(string Key, long Version, FilingState StateWhenClaimed, int Attempts, FilingRequest Request);

    /// <summary>Identifiers, targets, status codes and times only: never a record's content, names or subjects.</summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Filing dispatcher {InstanceId} started")]
        public static partial void Started(ILogger logger, string instanceId);

        [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Filed {Key} ({Target}) after {Attempts} attempt(s)")]
        public static partial void Filed(ILogger logger, string key, FilingTarget target, int attempts);

        [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Filing {Key} ({Target}) attempt {Attempts} failed ({Reason}); retrying at {NextAttemptAt}")]
        public static partial void WillRetry(ILogger logger, string key, FilingTarget target, int attempts, string? reason, DateTimeOffset? nextAttemptAt);

        [LoggerMessage(EventId = 6103, Level = LogLevel.Error, Message = "Filing {Key} ({Target}) parked: needs an administrator ({Reason})")]
        public static partial void Parked(ILogger logger, string key, FilingTarget target, string? reason);

        [LoggerMessage(EventId = 6104, Level = LogLevel.Debug, Message = "Another dispatcher claimed {Key} first")]
        public static partial void ClaimLost(ILogger logger, string key);

        [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "The lease on {Key} was lost before its outcome was recorded; another dispatcher owns it")]
        public static partial void LeaseLost(ILogger logger, string key);

        [LoggerMessage(EventId = 6106, Level = LogLevel.Warning, Message = "Filing dispatch pass failed ({ErrorType}); retrying after the poll interval")]
        public static partial void PassFailed(ILogger logger, string errorType);

        [LoggerMessage(EventId = 6107, Level = LogLevel.Warning, Message = "Could not release the lease on {Key} at shutdown ({ErrorType}); it will expire")]
        public static partial void ReleaseFailed(ILogger logger, string key, string errorType);
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Infrastructure.People.Groups;

/// <summary>
/// Reads group membership at start-up and then every <see cref="GroupRoleOptions.SyncInterval"/>. A failed sync is
/// tried again sooner (30 s, doubling, never later than the interval); the last good membership stays in use until
/// it is older than <see cref="GroupRoleOptions.MaxStaleness"/>. All waiting goes through <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class GroupRoleSync : BackgroundService
{
    internal static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);

    private readonly GroupMembershipDirectory _directory;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GroupRoleSync> _logger;

    public GroupRoleSync(GroupMembershipDirectory directory, TimeSpan interval, TimeProvider timeProvider, ILogger<GroupRoleSync> logger)
    {
        _directory = directory;
        _interval = interval;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Called each time the loop has armed its wait for the next sync (tests advance a fake clock after it).</summary>
    internal Action? Waiting { get; set; }

    /// <summary>The wait before the next sync after <paramref name="failures"/> failures in a row (0: the interval).</summary>
    internal static TimeSpan NextDelay(int failures, TimeSpan interval)
    {
        if (failures <= 0)
        {
            return interval;
        }

        var delay = FirstRetry * Math.Pow(2, Math.Min(failures - 1, 16));
        return delay < interval ? delay : interval;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _directory.SyncAsync(stoppingToken);
                failures = 0;
            }
            catch (GroupMembershipException exception)
            {
                failures++;
                if (exception.Failure == GroupMembershipFailure.Unavailable)
                {
                    Log.SyncFailed(_logger, exception, exception.GroupId, failures);
                }
                else
                {
                    Log.SyncRefused(_logger, exception.GroupId, exception.Failure, exception.Message);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failures++;
                Log.SyncFailed(_logger, exception, string.Empty, failures);
            }

            try
            {
                var wait = Task.Delay(NextDelay(failures, _interval), _timeProvider, stoppingToken);
                Waiting?.Invoke();
                await wait;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(4012, LogLevel.Warning, "Reading Entra group membership failed (group {GroupId}, {Failures} in a row); the last good membership stays in use for now")]
        public static partial void SyncFailed(ILogger logger, Exception exception, string groupId, int failures);

        [LoggerMessage(4013, LogLevel.Error, "Entra group {GroupId} could not be read ({Failure}): {Reason}")]
        public static partial void SyncRefused(ILogger logger, string groupId, GroupMembershipFailure failure, string reason);
    }
}

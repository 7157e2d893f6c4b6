using HealthGuideBot.Core.Attendance;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Host.Conversations.Attendance;

/// <summary>
/// The periodic attendance check: at start-up and then every <see cref="AttendanceOptions.CheckInterval"/>, every pupil
/// with health-related absence this term is checked against the threshold (so absence fed in by another process, such
/// as the <c>attendance import</c> command, is acted on even when that process could not notify). Prompts stay
/// once-only through the ledger and the notifier's keys.
/// </summary>
internal sealed partial class AttendancePromptSweep : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly AttendanceOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<AttendancePromptSweep> _logger;

    public AttendancePromptSweep(IServiceScopeFactory scopes, IOptions<AttendanceOptions> options, TimeProvider timeProvider, ILogger<AttendancePromptSweep> logger)
    {
        _scopes = scopes;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.CheckInterval <= TimeSpan.Zero)
        {
            return;
        }

        await Task.Yield(); // let the host finish starting (the database is migrated by then)
        await CheckOnceAsync(stoppingToken);
        using var timer = new PeriodicTimer(_options.CheckInterval, _timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await CheckOnceAsync(stoppingToken);
        }
    }

    internal async Task CheckOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAttendancePromptCheck>().CheckAsync(null, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.CheckFailed(_logger, exception.GetType().Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4320, Level = LogLevel.Error, Message = "Periodic attendance check failed with {ExceptionType}; it runs again at the next interval")]
        public static partial void CheckFailed(ILogger logger, string exceptionType);
    }
}

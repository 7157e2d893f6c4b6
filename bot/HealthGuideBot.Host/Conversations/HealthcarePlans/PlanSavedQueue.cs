using System.Threading.Channels;
using HealthGuideBot.Core.HealthcarePlans;

namespace HealthGuideBot.Host.Conversations.HealthcarePlans;

/// <summary>
/// Runs the <see cref="IPlanSavedHandler"/>s (teachers' acknowledgement requests) after a plan is saved, off the
/// nurse's turn: Submit is an <c>adaptiveCard/action</c> invoke that Teams wants answered within 5 seconds, and a
/// year group's teachers, one Teams send each, would not fit. One background reader, a scope per plan, each handler
/// on its own (one failing does not stop the others). Handlers are idempotent (the notifier's once-per-key ledger);
/// work still queued when the process stops is logged by count and not resent.
/// </summary>
internal sealed partial class PlanSavedQueue : BackgroundService
{
    private readonly Channel<HealthcarePlan> _saved = Channel.CreateBounded<HealthcarePlan>(
        new BoundedChannelOptions(1024) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<PlanSavedQueue> _logger;

    public PlanSavedQueue(IServiceScopeFactory scopes, ILogger<PlanSavedQueue> logger)
    {
        _scopes = scopes;
        _logger = logger;
    }

    /// <summary>Called for each plan the handlers have finished with (tests wait on it instead of sleeping).</summary>
    internal Action<HealthcarePlan>? Handled { get; set; }

    /// <summary>Queues a saved version for its handlers; waits only if 1,024 saves are already waiting.</summary>
    public ValueTask EnqueueAsync(HealthcarePlan saved, CancellationToken cancellationToken) => _saved.Writer.WriteAsync(saved, cancellationToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _saved.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        if (_saved.Reader.Count > 0)
        {
            Log.Abandoned(_logger, _saved.Reader.Count);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var plan in _saved.Reader.ReadAllAsync(stoppingToken))
            {
                await RunHandlersAsync(plan, stoppingToken);
                Handled?.Invoke(plan);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync reports what was left.
        }
    }

    private async Task RunHandlersAsync(HealthcarePlan plan, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IPlanSavedHandler>())
        {
            try
            {
                await handler.OnPlanSavedAsync(plan, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.HandlerFailed(_logger, plan.PlanId, plan.Version, handler.GetType().Name, exception);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4402, Level = LogLevel.Warning, Message = "Plan {PlanId} version {Version} was saved, but {Handler} failed after the save")]
        public static partial void HandlerFailed(ILogger logger, string planId, int version, string handler, Exception exception);

        [LoggerMessage(EventId = 4406, Level = LogLevel.Warning, Message = "Stopping with {Count} saved plan(s) whose acknowledgement requests were not sent")]
        public static partial void Abandoned(ILogger logger, int count);
    }
}

using Quartz;

namespace HealthGuideBot.Host.Conversations.Reviews;

/// <summary>
/// The Quartz job that runs <see cref="ReviewPromptSweep"/> in its own DI scope. Its trigger (persisted in the job
/// store) fires at start-up and every <see cref="Core.HealthcarePlans.Reviews.PlanReviewOptions.SweepInterval"/>; a
/// misfire after downtime fires once at once. The sweep decides everything from the clock, so the job carries no data.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ReviewPromptSweepJob : IJob
{
    public const string Name = "review-prompt-sweep";

    private readonly IServiceScopeFactory _scopeFactory;

    public ReviewPromptSweepJob(IServiceScopeFactory scopeFactory) => _scopeFactory = scopeFactory;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReviewPromptSweep>().RunAsync(cancellationToken);
    }
}

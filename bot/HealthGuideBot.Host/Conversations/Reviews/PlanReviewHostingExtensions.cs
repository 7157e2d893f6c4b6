using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Core.HealthcarePlans.Reviews;
using HealthGuideBot.Infrastructure.Hosting;
using Quartz;

namespace HealthGuideBot.Host.Conversations.Reviews;

/// <summary>
/// The review prompts' hosting pair: <see cref="AddPlanReviews"/> registers the schedule, the notifier, the sweep
/// and its Quartz job; <see cref="MapPlanReviewDevelopmentEndpoints"/> maps the Development-only trigger.
/// </summary>
internal static class PlanReviewHostingExtensions
{
    public static WebApplicationBuilder AddPlanReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddPlanReviewStorage();
        builder.Services.AddScoped<ReviewPromptCards>();
        builder.Services.AddScoped<ReviewPromptSweep>();
        builder.Services.AddScoped<PlanReviewConversation>();

        var options = builder.Configuration.GetSection(PlanReviewOptions.Section).Get<PlanReviewOptions>() ?? new PlanReviewOptions();
        if (options.RunScheduler)
        {
            builder.Services.AddPersistentScheduler(builder.Configuration, builder.Environment.ContentRootPath, quartz => quartz
                .ScheduleJob<ReviewPromptSweepJob>(
                    trigger => trigger
                        .WithIdentity(ReviewPromptSweepJob.Name)
                        .StartNow()
                        .WithSimpleSchedule(schedule => schedule
                            .WithInterval(options.SweepInterval)
                            .RepeatForever()
                            .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)),
                    job => job.WithIdentity(ReviewPromptSweepJob.Name).DisallowConcurrentExecution()));
        }

        return builder;
    }

    /// <summary>
    /// Development only: <c>POST /dev/reviews/sweep</c> runs the sweep now and returns what it did;
    /// <c>POST /dev/reviews/schedule</c> schedules a review (for the Playground demo, before the plan form exists).
    /// Outside Development nothing is mapped, so both answer 404.
    /// </summary>
    public static WebApplication MapPlanReviewDevelopmentEndpoints(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        var development = app.MapGroup("/dev/reviews").ExcludeFromDescription().AddEndpointFilter(LoopbackOnlyAsync);
        development.MapPost("/sweep", async (ReviewPromptSweep sweep, CancellationToken cancellationToken) =>
            Results.Json(await sweep.RunAsync(cancellationToken), ReviewsJsonContext.Default.ReviewSweepReport))
            .ExcludeFromDescription();
        development.MapPost("/schedule", async (HttpRequest request, IPlanReviewScheduler scheduler, CancellationToken cancellationToken) =>
        {
            var body = await request.ReadFromJsonAsync(ReviewsJsonContext.Default.DevelopmentReviewRequest, cancellationToken);
            if (body is null || !DateOnly.TryParseExact(body.DueDate, "yyyy-MM-dd", out var due))
            {
                return Results.BadRequest();
            }

            await scheduler.ScheduleAsync(new PlanReviewDue(body.PlanId, body.Version, body.PupilId, due, body.ResponsibleNurseUserId), cancellationToken);
            return Results.NoContent();
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The Development triggers answer only callers on this machine: a developer's bot bound to all interfaces (to
    /// reach a tunnel) must not let the network schedule or send prompts about pupils.
    /// </summary>
    /// (No address at all is an in-process test server, as in BotMessagesEndpoint's loopback check.)
    private static ValueTask<object?> LoopbackOnlyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Connection.RemoteIpAddress is { } address && !System.Net.IPAddress.IsLoopback(address)
            ? ValueTask.FromResult<object?>(Results.NotFound())
            : next(context);
}

using System.Text.Json.Serialization;

namespace HealthGuideBot.Host.Diagnostics;

/// <summary>
/// Turn timing: the <see cref="TurnMetrics"/> histogram always; in Development also the
/// <see cref="TurnDurationRecorder"/> and its loopback-only endpoints for the load tool:
/// <c>GET /dev/metrics/turns</c> (server-side p50/p95/p99/max per route kind since the last reset) and
/// <c>POST /dev/metrics/turns/reset</c>. Outside Development nothing is mapped, so both answer 404.
/// </summary>
internal static class TurnMetricsHostingExtensions
{
    public static WebApplicationBuilder AddTurnMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<TurnMetrics>();
        builder.Services.AddScoped<TurnRoute>();
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSingleton<TurnDurationRecorder>();
        }

        return builder;
    }

    public static WebApplication MapTurnMetricsDevelopmentEndpoints(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        // Resolved now, so the listener counts from the first turn rather than from the first request for it.
        var recorder = app.Services.GetRequiredService<TurnDurationRecorder>();
        var development = app.MapGroup("/dev/metrics/turns").ExcludeFromDescription().AddEndpointFilter(LoopbackOnlyAsync);
        development.MapGet(string.Empty, () => Results.Json(recorder.Snapshot(), TurnMetricsJsonContext.Default.TurnDurationSnapshot));
        development.MapPost("/reset", () =>
        {
            recorder.Reset();
            return Results.NoContent();
        });
        return app;
    }

    /// <summary>Callers on this machine only (no address at all is an in-process test server).</summary>
    private static ValueTask<object?> LoopbackOnlyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Connection.RemoteIpAddress is { } address && !System.Net.IPAddress.IsLoopback(address)
            ? ValueTask.FromResult<object?>(Results.NotFound())
            : next(context);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TurnDurationSnapshot))]
internal sealed partial class TurnMetricsJsonContext : JsonSerializerContext;

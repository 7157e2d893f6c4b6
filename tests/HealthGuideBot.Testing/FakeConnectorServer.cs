using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using HealthGuideBot.BotFramework.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Testing;

/// <summary>
/// A Bot Connector on loopback (Kestrel, a free port): records every call to <c>{pathBase}/v3/conversations…</c>
/// and answers like the real one — <c>{"id":…}</c> for sends, replies and updates, an empty 200 for deletes,
/// <c>{"id","activityId"}</c> for create-conversation. Set <see cref="Respond"/> to program failures (403, 429, 5xx).
/// Use <see cref="ServiceUrl"/> as the activity's <c>serviceUrl</c>; it ends with <c>/</c>.
/// </summary>
public sealed class FakeConnectorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _pathBase;
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly Lock _waitersLock = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private int _sequence;

    private FakeConnectorServer(WebApplication app, string pathBase)
    {
        _app = app;
        _pathBase = pathBase;
    }

    /// <summary>http://127.0.0.1:{port}{pathBase}/</summary>
    public Uri ServiceUrl { get; private set; } = null!; // Set by StartAsync before the instance is returned.

    /// <summary>
    /// Decides the answer to a call; return <see langword="null"/> for the default success. Called concurrently.
    /// </summary>
    public Func<ConnectorRequest, FakeConnectorResponse?>? Respond { get; set; }

    /// <summary>The calls so far, in arrival order.</summary>
    public IReadOnlyList<ConnectorRequest> Requests => [.. _requests.OrderBy(r => r.Sequence)];

    /// <summary>The activities received by sends and replies, in arrival order.</summary>
    public IReadOnlyList<Activity> SentActivities =>
        [.. Requests.Where(r => r.Method == "POST" && r.ConversationId is not null && r.Activity is not null).Select(r => r.Activity!)];

    /// <param name="pathBase">A path the connector lives under, like the Playground's <c>/_connector</c>.</param>
    public static async Task<FakeConnectorServer> StartAsync(string pathBase = "", CancellationToken cancellationToken = default)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeConnectorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var server = new FakeConnectorServer(app, pathBase.TrimEnd('/'));
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.ServiceUrl = new Uri(address.TrimEnd('/') + server._pathBase + "/");
        return server;
    }

    /// <summary>Completes when at least <paramref name="count"/> calls have been received, or fails after <paramref name="timeout"/>.</summary>
    public Task WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        lock (_waitersLock)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task.WaitAsync(timeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        string rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        string path = rawTarget.Split('?')[0];
        if (!path.StartsWith(_pathBase + "/v3/conversations", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Segments after /v3/conversations: [] create, [conversation, "activities"], [conversation, "activities", activity].
        string[] segments = path[(_pathBase.Length + "/v3/conversations".Length)..]
            .Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? conversationId = segments.Length >= 1 ? Uri.UnescapeDataString(segments[0]) : null;
        string? activityId = segments.Length >= 3 ? Uri.UnescapeDataString(segments[2]) : null;

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        string body = await reader.ReadToEndAsync(context.RequestAborted);
        Activity? activity = null;
        if (conversationId is not null && body.Length > 0)
        {
            try
            {
                activity = JsonSerializer.Deserialize(body, BotFrameworkJsonContext.Default.Activity);
            }
            catch (JsonException)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }

        int sequence = Interlocked.Increment(ref _sequence);
        var request = new ConnectorRequest(
            sequence,
            context.Request.Method,
            rawTarget,
            conversationId,
            activityId,
            context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null,
            body,
            activity,
            DateTimeOffset.UtcNow);
        _requests.Enqueue(request);
        SignalWaiters();

        FakeConnectorResponse? programmed = Respond?.Invoke(request);
        if (programmed is not null)
        {
            context.Response.StatusCode = programmed.StatusCode;
            if (programmed.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = programmed.RetryAfter;
            }

            if (programmed.Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(programmed.Body, context.RequestAborted);
            }

            return;
        }

        string number = sequence.ToString(CultureInfo.InvariantCulture);
        string? answer = (context.Request.Method, conversationId) switch
        {
            ("POST", null) => $$"""{"id":"fake-conversation-{{number}}","activityId":"fake-activity-{{number}}"}""",
            ("POST", _) => $$"""{"id":"fake-activity-{{number}}"}""",
            ("PUT", _) => JsonSerializer.Serialize(new ResourceResponse { Id = activityId }, BotFrameworkJsonContext.Default.ResourceResponse),
            ("DELETE", _) => null,
            _ => null,
        };
        if (context.Request.Method is not ("POST" or "PUT" or "DELETE"))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        if (answer is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer, context.RequestAborted);
        }
    }

    private void SignalWaiters()
    {
        lock (_waitersLock)
        {
            int count = _requests.Count;
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Count <= count)
                {
                    _waiters[i].Signal.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}

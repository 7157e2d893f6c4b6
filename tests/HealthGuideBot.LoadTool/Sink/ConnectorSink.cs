using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.LoadTool.Sink;

/// <summary>
/// A local Bot Connector: Kestrel on 127.0.0.1 and a dynamic port, answering
/// <c>POST …/v3/conversations/{id}/activities[/{replyToId}]</c> with <c>{"id": "…"}</c> and handing every
/// activity to the <see cref="ReplyCorrelator"/> with the time its request reached the sink.
/// </summary>
internal sealed class ConnectorSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _nextId;
    private long _rejected;

    private ConnectorSink(WebApplication app, ReplyCorrelator correlator)
    {
        _app = app;
        _app.Run(context => HandleAsync(context, correlator));
    }

    /// <summary>The <c>serviceUrl</c> to put in activities: the sink with a Teams-like region prefix and trailing slash.</summary>
    public Uri ServiceUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Requests the sink could not read (wrong path or method, body not JSON).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    public static async Task<ConnectorSink> StartAsync(ReplyCorrelator correlator, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
        });
        var sink = new ConnectorSink(builder.Build(), correlator);
        await sink._app.StartAsync(cancellationToken);
        var address = sink._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        var port = new Uri(address).Port;
        sink.ServiceUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/uk/"));
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, ReplyCorrelator correlator)
    {
        var arrived = Stopwatch.GetTimestamp();
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var query = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = query < 0 ? rawTarget : rawTarget[..query];
        if (!HttpMethods.IsPost(context.Request.Method) || !ConnectorPath.TryParse(rawPath, out var pathConversationId, out var pathReplyToId))
        {
            Interlocked.Increment(ref _rejected);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        string? type;
        string? conversationId;
        string? replyToId;
        bool hasCard;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            var root = document.RootElement;
            type = ReadString(root, "type");
            conversationId = root.TryGetProperty("conversation", out var conversation) ? ReadString(conversation, "id") : null;
            replyToId = ReadString(root, "replyToId");
            hasCard = HasAdaptiveCard(root);
        }
        catch (JsonException)
        {
            Interlocked.Increment(ref _rejected);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        correlator.OnActivity(type, conversationId ?? pathConversationId, replyToId ?? pathReplyToId, arrived, hasCard);

        var id = Interlocked.Increment(ref _nextId);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(
            Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"id\":\"sink-{id}\"}}")),
            context.RequestAborted);
    }

    /// <summary>True when the activity has an attachment of content type <c>application/vnd.microsoft.card.adaptive</c>.</summary>
    internal static bool HasAdaptiveCard(JsonElement activity)
    {
        if (!activity.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var attachment in attachments.EnumerateArray())
        {
            if (string.Equals(ReadString(attachment, "contentType"), "application/vnd.microsoft.card.adaptive", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

using System.Net;

namespace HealthGuideBot.LoadTool.Targets;

/// <summary>A bot endpoint on loopback to send load to, with the HTTP client kept for it.</summary>
internal sealed class LoadTarget : IDisposable
{
    public LoadTarget(string name, Uri messagesUrl, int? processId, TimeSpan requestTimeout)
    {
        Name = name;
        MessagesUrl = LoopbackGuard.RequireLoopbackHttpUrl(messagesUrl.ToString(), $"The {name} target URL");
        ProcessId = processId;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            // Below Node's 5 s keep-alive, so an idle pool between rounds never reuses a connection the server closed.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(2),
            MaxConnectionsPerServer = LoadLimits.MaxConcurrency,
        };
        Client = new HttpClient(handler, disposeHandler: true) { Timeout = requestTimeout };
    }

    public string Name { get; }

    public Uri MessagesUrl { get; }

    /// <summary>The process to read memory and CPU from, when known.</summary>
    public int? ProcessId { get; }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}

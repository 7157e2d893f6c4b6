using HealthGuideBot.BotFramework.Authentication;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Hosting;

/// <summary>
/// With unauthenticated development mode on, the server may listen on loopback only (security.md 22). Before the
/// server starts, every configured address (<c>urls</c>, <c>ASPNETCORE_URLS</c>, <c>Kestrel:Endpoints</c>) must be
/// loopback or the host refuses to start; once it has started, the addresses it really bound are checked again and a
/// non-loopback one stops the application. Each request from a remote address is also refused (the endpoint).
/// </summary>
internal sealed partial class LoopbackOnlyGuard : IHostedService
{
    private readonly IOptions<BotFrameworkOptions> _options;
    private readonly IConfiguration _configuration;
    private readonly IServer _server;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<LoopbackOnlyGuard> _logger;

    public LoopbackOnlyGuard(IOptions<BotFrameworkOptions> options, IConfiguration configuration, IServer server, IHostApplicationLifetime lifetime, ILogger<LoopbackOnlyGuard> logger)
    {
        _options = options;
        _configuration = configuration;
        _server = server;
        _lifetime = lifetime;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Value.IsAuthenticationDisabled)
        {
            return Task.CompletedTask;
        }

        Log.AuthenticationDisabled(_logger);
        BotFrameworkOptionsValidator.EnsureLoopbackOnly(ConfiguredUrls(_configuration));
        _lifetime.ApplicationStarted.Register(CheckBoundAddresses);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The listening addresses configuration asks for, wherever they were set.</summary>
    internal static IEnumerable<string> ConfiguredUrls(IConfiguration configuration)
    {
        foreach (var key in new[] { "urls", "ASPNETCORE_URLS", "http_ports", "https_ports" })
        {
            if (configuration[key] is { Length: > 0 } value)
            {
                foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    // A bare port (http_ports) binds every interface.
                    yield return int.TryParse(part, out _) ? $"http://*:{part}" : part;
                }
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }

    private void CheckBoundAddresses()
    {
        var addresses = _server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0)
        {
            return;
        }

        try
        {
            BotFrameworkOptionsValidator.EnsureLoopbackOnly(addresses);
        }
        catch (InvalidOperationException)
        {
            Log.BoundToNonLoopback(_logger);
            Environment.ExitCode = 1;
            _lifetime.StopApplication();
        }
    }

    private static partial class Log
    {
        // EventIds 1000–1099: hosting. This class: 1050–1059.
        [LoggerMessage(1050, LogLevel.Warning, "Authentication is OFF (DangerouslyAllowUnauthenticatedLoopbackRequests): local development on loopback only")]
        public static partial void AuthenticationDisabled(ILogger logger);

        [LoggerMessage(1051, LogLevel.Critical, "Authentication is off but the server bound a non-loopback address; stopping")]
        public static partial void BoundToNonLoopback(ILogger logger);
    }
}

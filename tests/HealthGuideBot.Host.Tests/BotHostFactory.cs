using System.Net.Http.Headers;
using System.Text;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Host.Tests;

/// <summary>
/// The real host (<see cref="Program"/>) in the Development environment with its default configuration, a fresh
/// data folder, and the connector replaced by a <see cref="RecordingConnector"/>. Extra settings and services can be
/// layered on per test.
/// </summary>
public sealed class BotHostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _environment;

    public BotHostFactory(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? dataFolder = null, string environment = "Development")
    {
        _environment = environment;
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "hgb-host-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:HealthGuideBot"] = $"Data Source={Path.Combine(DataFolder, "healthguidebot.db")}",
            // Never the content root's data/index: that is the source tree, shared by every test host and the E2E bot.
            ["HealthGuideBot:Knowledge:IndexFolder"] = Path.Combine(DataFolder, "index"),
            // No Quartz scheduler firing review sweeps on the wall clock: tests drive the sweep themselves.
            ["HealthGuideBot:Reviews:RunScheduler"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }

        _services = services;
    }

    public RecordingConnector Connector { get; } = new();

    public string DataFolder { get; }

    /// <summary>Posts an activity to <c>/api/messages</c> as the channel would.</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(Activity activity, string? bearerToken = null)
    {
        using var content = new StringContent(ActivityBuilder.ToJson(activity), Encoding.UTF8, "application/json");
        return await PostRawAsync(content, bearerToken);
    }

    /// <summary>Posts any body to <c>/api/messages</c>.</summary>
    public async Task<HttpResponseMessage> PostRawAsync(HttpContent content, string? bearerToken = null)
    {
        var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return await client.SendAsync(request);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IConnectorClient>(Connector);
            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Connector.Dispose();
        }
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace HealthGuideBot.EndToEnd.Tests.Hosting;

/// <summary>
/// The real bot (<c>HealthGuideBot.Host</c>'s <c>Program</c>) in this process, on real Kestrel bound to 127.0.0.1 on
/// a free port, in the Development environment (unauthenticated loopback mode: the Playground speaks anonymous auth
/// only), with its SQLite file in a temp folder and every log record captured for failure reports.
/// </summary>
public sealed class BotUnderTest : WebApplicationFactory<Program>
{
    private readonly string _dataFolder;

    public BotUnderTest(string dataFolder)
    {
        _dataFolder = dataFolder;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Every log record the bot wrote, in order.</summary>
    public FakeLogCollector Logs { get; } = new();

    /// <summary>The bot's messaging endpoint, e.g. <c>http://127.0.0.1:41234/api/messages</c>.</summary>
    public Uri MessagesEndpoint { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts Kestrel and reads back the port it bound.</summary>
    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without an address.");
        MessagesEndpoint = new Uri(new Uri(address), "/api/messages");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("ConnectionStrings:HealthGuideBot", $"Data Source={Path.Combine(_dataFolder, "hgb.db")}");
        builder.UseSetting("HealthGuideBot:Knowledge:IndexFolder", Path.Combine(_dataFolder, "index"));
        builder.UseSetting("HealthGuideBot:Filing:LocalFolder", Path.Combine(_dataFolder, "filed"));
        // The sample roster with one change: the Playground's own user (Alex Wilber, the nurse) is also the only SENCO,
        // so SENCO prompts (the attendance trigger) arrive in the one chat the tests can read.
        builder.UseSetting("HealthGuideBot:Roster:File", EndToEndRoster.Write(_dataFolder));
        // One term around today, so the attendance trigger's "this term" never depends on the calendar year.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        builder.UseSetting("HealthGuideBot:Attendance:Terms:0:Id", "e2e-term");
        builder.UseSetting("HealthGuideBot:Attendance:Terms:0:Name", "End-to-end term");
        builder.UseSetting("HealthGuideBot:Attendance:Terms:0:Start", today.AddDays(-60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("HealthGuideBot:Attendance:Terms:0:End", today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        // The Playground's mocked tenant talks anonymously over loopback (playground.md); no app id, so no tokens.
        builder.UseSetting("MicrosoftAppId", "");
        builder.UseSetting("HealthGuideBot:DangerouslyAllowUnauthenticatedLoopbackRequests", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Information");
        builder.UseSetting("Logging:LogLevel:HealthGuideBot", "Debug");
        // Captured, not printed: a failing test prints the records of its own time (PlaygroundFixture.RunAsync).
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(new FakeLoggerProvider(Logs)));
    }
}

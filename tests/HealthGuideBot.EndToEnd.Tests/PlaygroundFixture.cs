using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using HealthGuideBot.EndToEnd.Tests.Hosting;
using HealthGuideBot.EndToEnd.Tests.Playground;
using Xunit.Sdk;

namespace HealthGuideBot.EndToEnd.Tests;

/// <summary>
/// One bot and one Agents Playground for every end-to-end test: npm packages checked (and <c>npm ci</c> run if
/// needed), the bot started in process on loopback, the Playground started against it, and a client connected to
/// both Playground websockets before any activity flows. Disposal stops the Playground's whole process tree.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class PlaygroundFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    private readonly IMessageSink _sink;
    private readonly string _workFolder = Directory.CreateTempSubdirectory("hgb-e2e-").FullName;
    private PlaygroundProcess? _playground;
    private BotUnderTest? _bot;
    private PlaygroundClient? _client;

    public PlaygroundFixture(IMessageSink sink) => _sink = sink;

    public BotUnderTest Bot => _bot ?? throw new InvalidOperationException("The fixture has not started.");

    public PlaygroundClient Playground => _client ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await NpmPackages.EnsureInstalledAsync(RepositoryRoot.EndToEndFolder(), Say, timeout.Token);

            _bot = new BotUnderTest(Path.Combine(_workFolder, "data"));
            Directory.CreateDirectory(Path.Combine(_workFolder, "data"));
            _bot.Start();
            Say($"Bot listening at {_bot.MessagesEndpoint}");

            _playground = await PlaygroundProcess.StartAsync(_bot.MessagesEndpoint, _workFolder, Say, timeout.Token);
            _client = await PlaygroundClient.ConnectAsync(_playground.BaseAddress, timeout.Token);
            Say(string.Create(CultureInfo.InvariantCulture,
                $"End-to-end fixture ready in {clock.Elapsed.TotalSeconds:0.0} s: personal chat {_client.ChatId}, user {_client.Config.UserId}, bot {_client.Config.BotId}"));
        }
        catch (Exception e)
        {
            var report = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"The end-to-end fixture failed to start: {e.Message}")
                .AppendLine(_playground?.Diagnostics() ?? "(the Playground was not started)")
                .AppendLine(BotLog(0))
                .ToString();
            Say(report);
            await DisposeAsync();
            throw new InvalidOperationException(report, e);
        }
    }

    /// <summary>Where the Playground chat, its activity log and the bot's log stand now.</summary>
    public Checkpoint Now() => new(Playground.Now, _bot?.Logs.Count ?? 0);

    /// <summary>
    /// Runs a scenario; when it fails, writes what the Playground showed and logged and what the bot logged during
    /// it, and the Playground's console and log file tail, to the test's output, then rethrows.
    /// </summary>
    public async Task RunAsync(ITestOutputHelper output, Func<PlaygroundClient, Task> scenario)
    {
        var start = Now();
        try
        {
            await scenario(Playground);
        }
        catch (Exception e)
        {
            output.WriteLine($"FAILED: {e.GetType().Name}: {e.Message}");
            output.WriteLine(Describe(start));
            throw;
        }
    }

    /// <summary>Everything diagnosable since <paramref name="start"/>.</summary>
    public string Describe(Checkpoint start) =>
        new StringBuilder()
            .AppendLine(Playground.Describe(start.Playground))
            .AppendLine(BotLog(start.BotLogs))
            .AppendLine(_playground?.Diagnostics(40) ?? "")
            .ToString();

    private string BotLog(int from)
    {
        var text = new StringBuilder().AppendLine("--- Bot log ---");
        if (_bot is null)
        {
            return text.AppendLine("(the bot was not started)").ToString();
        }

        foreach (var record in _bot.Logs.GetSnapshot().Skip(from))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{record.Timestamp:HH:mm:ss.fff} {record.Level} {record.Category}[{record.Id.Id}]: {record.Message}");
            if (record.Exception is { } exception)
            {
                text.AppendLine(exception.ToString());
            }
        }

        return text.ToString();
    }

    private void Say(string message) => _sink.OnMessage(new DiagnosticMessage("[EndToEnd] " + message));

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
            _client = null;
        }

        if (_playground is not null)
        {
            await _playground.DisposeAsync();
            _playground = null;
        }

        if (_bot is not null)
        {
            await _bot.DisposeAsync();
            _bot = null;
        }

        try
        {
            Directory.Delete(_workFolder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open (SQLite on a slow shutdown): the OS temp cleaner will have it
        }
    }

    /// <summary>A position in the Playground's streams and the bot's log.</summary>
    public readonly record struct Checkpoint(PlaygroundClient.Mark Playground, int BotLogs);
}

/// <summary>The end-to-end tests share one <see cref="PlaygroundFixture"/> and so run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPlayground : ICollectionFixture<PlaygroundFixture>
{
    public const string Name = "Agents Playground";
}

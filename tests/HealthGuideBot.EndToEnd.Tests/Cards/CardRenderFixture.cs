using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.EndToEnd.Tests.Playground;
using Xunit.Sdk;

namespace HealthGuideBot.EndToEnd.Tests.Cards;

/// <summary>
/// Binds every template in cards/ with its <c>.sample.json</c> (through the host's embedded templates and the real
/// <see cref="AdaptiveCardTemplate"/>), plus one deliberately broken canary card, and renders them all in one run
/// of <c>tests/EndToEnd/render-cards.cjs</c>: the official <c>adaptivecards</c> renderer in Debian's headless
/// Chromium. Screenshots go to <c>TestResults/cards/</c> at the repository root. A missing Chromium fails the
/// fixture, and so every test in the class, with a message that says how to install it.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class CardRenderFixture : IAsyncLifetime
{
    /// <summary>A card every renderer check must reject: an element Teams lacks, a bad enum, a required input with no label, a version above 1.5.</summary>
    public const string CanaryName = "_canary/broken";

    private static readonly TimeSpan RenderTimeout = TimeSpan.FromMinutes(3);
    private static readonly string[] ChromiumCandidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    private readonly IMessageSink _sink;
    private readonly string _workFolder = Directory.CreateTempSubdirectory("hgb-cards-").FullName;

    public CardRenderFixture(IMessageSink sink) => _sink = sink;

    public static IEnumerable<string> TemplateNames => Library.Names;

    public IReadOnlyDictionary<string, CardRenderResult> Results { get; private set; } = new Dictionary<string, CardRenderResult>();

    public RenderRun Run { get; private set; } = new();

    public string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot.Find().FullName, "TestResults", "cards");

    internal static CardTemplateLibrary Library { get; } = new(typeof(HealthGuideBot.Host.Hosting.HealthGuideBotOptions).Assembly);

    public async Task InitializeAsync()
    {
        var chromium = FindChromium();
        var folder = RepositoryRoot.EndToEndFolder();
        using var timeout = new CancellationTokenSource(RenderTimeout + TimeSpan.FromMinutes(5));
        await NpmPackages.EnsureInstalledAsync(folder, Say, timeout.Token);

        var cards = new JsonArray();
        foreach (var name in Library.Names)
        {
            var card = Library.Get(name).Bind(JsonNode.Parse(Library.ReadFile(name + ".sample.json")));
            cards.Add(new JsonObject { ["name"] = name, ["card"] = card });
        }

        cards.Add(new JsonObject { ["name"] = CanaryName, ["card"] = JsonNode.Parse(CanaryCard) });
        var input = Path.Combine(_workFolder, "cards.json");
        var output = Path.Combine(_workFolder, "results.json");
        await File.WriteAllTextAsync(input, new JsonObject { ["cards"] = cards }.ToJsonString(), timeout.Token);
        if (Directory.Exists(ScreenshotFolder))
        {
            Directory.Delete(ScreenshotFolder, recursive: true); // no stale picture of a card that was renamed
        }

        var clock = Stopwatch.StartNew();
        ChildProcess.Result result;
        try
        {
            result = await ChildProcess.RunAsync(
                "node", [Path.Combine(folder, "render-cards.cjs"), input, output, ScreenshotFolder], folder, RenderTimeout,
                new Dictionary<string, string> { ["CHROMIUM_PATH"] = chromium }, timeout.Token);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("node is not on PATH. The card rendering tests need Node.js 20+ (see .ci/run).", e);
        }

        if (result.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"render-cards.cjs failed (exit code {result.ExitCode}):\n{result.Output}");
        }

        Run = JsonSerializer.Deserialize<RenderRun>(await File.ReadAllTextAsync(output, timeout.Token), JsonOptions)
            ?? throw new InvalidOperationException("render-cards.cjs wrote no results");
        Results = Run.Results.ToDictionary(r => r.Name, StringComparer.Ordinal);
        Say(string.Create(CultureInfo.InvariantCulture,
            $"Rendered {Run.Results.Count} cards with adaptivecards {Run.Renderer} in Chromium {Run.Chromium} in {clock.Elapsed.TotalSeconds:0.0} s " +
            $"(browser start {Run.Timings.LaunchMs} ms, page {Run.Timings.PageMs} ms, render {Run.Timings.RenderMs} ms, screenshots {Run.Timings.ScreenshotsMs} ms); " +
            $"screenshots in {ScreenshotFolder}"));
        foreach (var card in Run.Results)
        {
            Say(string.Create(CultureInfo.InvariantCulture,
                $"  {card.Name}: {(card.Ok ? "ok" : "FAILED")} {card.Ms:0.0} ms, {card.Width}x{card.Height} px, {card.Inputs} inputs, {card.Actions} actions"));
            foreach (var clipped in card.Clipped)
            {
                Say($"    clipped at {card.Width} px (not a failure; check the screenshot): {clipped}");
            }
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_workFolder, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS temp cleaner
        }

        return Task.CompletedTask;
    }

    /// <summary>CHROMIUM_PATH, else Debian's /usr/bin/chromium, else chromium on PATH; never a silent skip.</summary>
    private static string FindChromium()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"CHROMIUM_PATH is {configured}, which does not exist.");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "chromium"));
        return ChromiumCandidates.Concat(onPath).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "Chromium is not installed, so the Adaptive Card rendering tests cannot run. Install Debian's package: " +
                "`apt-get install chromium` (.ci/run does this through APT_PACKAGES), or set CHROMIUM_PATH to a Chromium binary.");
    }

    private void Say(string message) => _sink.OnMessage(new DiagnosticMessage("[Cards] " + message));

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private const string CanaryCard = """
        {
          "type": "AdaptiveCard",
          "version": "1.6",
          "body": [
            { "type": "Media", "sources": [ { "mimeType": "video/mp4", "url": "https://example.org/a.mp4" } ] },
            { "type": "TextBlock", "text": "Canary", "size": "huge" },
            { "type": "Input.Text", "id": "name", "isRequired": true }
          ]
        }
        """;
}

/// <summary>What render-cards.cjs wrote.</summary>
public sealed record RenderRun
{
    public string Chromium { get; init; } = "";

    public string Renderer { get; init; } = "";

    public RenderTimings Timings { get; init; } = new();

    public List<string> BlockedRequests { get; init; } = [];

    public List<string> PageErrors { get; init; } = [];

    public List<CardRenderResult> Results { get; init; } = [];
}

public sealed record RenderTimings
{
    public long LaunchMs { get; init; }

    public long PageMs { get; init; }

    public long RenderMs { get; init; }

    public long ScreenshotsMs { get; init; }

    public long TotalMs { get; init; }
}

public sealed record CardRenderResult
{
    public string Name { get; init; } = "";

    public bool Ok { get; init; }

    public bool Rendered { get; init; }

    public List<string> Problems { get; init; } = [];

    /// <summary>Content cut off at the right edge: reported, not failed (Teams lays actions out its own way).</summary>
    public List<string> Clipped { get; init; } = [];

    public int Width { get; init; }

    public int Height { get; init; }

    public double Ms { get; init; }

    public int Inputs { get; init; }

    public int Actions { get; init; }

    public string? Screenshot { get; init; }
}

using System.Globalization;

namespace HealthGuideBot.LoadTool.Targets;

/// <summary>How to start the two targets the tool knows: the JS SDK peer and our bot (Release build).</summary>
internal sealed class TargetCatalog(string repoRoot, IReadOnlyDictionary<string, string> botSettings)
{
    public const string Peer = "peer";
    public const string Bot = "bot";

    /// <summary>
    /// Configuration the bot gets by default, as environment variables: unauthenticated loopback mode (Development
    /// only, as appsettings.Development.json also sets), so it accepts the tool's anonymous activities and sends to
    /// the loopback sink. <c>--bot-setting</c> adds to or overrides these.
    /// </summary>
    private static readonly Dictionary<string, string> DefaultBotSettings = new(StringComparer.Ordinal)
    {
        ["HealthGuideBot:DangerouslyAllowUnauthenticatedLoopbackRequests"] = "true",

        // The tool measures the protocol path on loopback against a peer that has no send limiter, so the app-wide
        // send limit (Teams' 30-50/s per tenant) is off; the per-conversation limits stay on, and the virtual users
        // keep each conversation far below them.
        ["HealthGuideBot:Connector:TenantSendsPerSecond"] = "0",
    };

    public TargetLaunchSpec Create(string name, int port, string scratchRoot) => name switch
    {
        Peer => CreatePeer(port),
        Bot => CreateBot(port, Path.Combine(scratchRoot, "bot-data")),
        _ => throw new LoadToolException($"Unknown target '{name}': use {Peer} or {Bot}."),
    };

    private TargetLaunchSpec CreatePeer(int port)
    {
        var folder = Path.Combine(repoRoot, "tests", "LoadPeer");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "botbuilder")))
        {
            throw new LoadToolException($"The JS SDK peer is not installed: run `npm ci --prefix {folder}` first.");
        }

        var portText = port.ToString(CultureInfo.InvariantCulture);
        return new TargetLaunchSpec
        {
            Name = Peer,
            FileName = "node",
            Arguments = [Path.Combine(folder, "index.js"), portText],
            Environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["HOST"] = "127.0.0.1",
                ["PORT"] = portText,
                ["NODE_ENV"] = "production",
            },
            WorkingDirectory = folder,
            Port = port,
        };
    }

    private TargetLaunchSpec CreateBot(int port, string dataDirectory)
    {
        var hostFolder = Path.Combine(repoRoot, "bot", "HealthGuideBot.Host");
        var dll = Path.Combine(hostFolder, "bin", "Release", "net10.0", "HealthGuideBot.Host.dll");
        if (!File.Exists(dll))
        {
            throw new LoadToolException($"The bot is not built in Release: run `dotnet build -c Release {hostFolder}` first ({dll} is missing).");
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
        };
        foreach (var (key, value) in DefaultBotSettings.Concat(botSettings))
        {
            environment[ToEnvironmentName(key)] = value.Replace("{dataDir}", dataDirectory, StringComparison.Ordinal);
        }

        return new TargetLaunchSpec
        {
            Name = Bot,
            FileName = "dotnet",
            Arguments = [dll, "--urls", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")],
            Environment = environment,
            // The build output holds appsettings*.json; the content root is the working directory.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            Port = port,
            ScratchDirectory = dataDirectory,
        };
    }

    private static string ToEnvironmentName(string configurationKey) => configurationKey.Replace(":", "__", StringComparison.Ordinal);
}

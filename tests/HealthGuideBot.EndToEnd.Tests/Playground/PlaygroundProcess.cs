using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace HealthGuideBot.EndToEnd.Tests.Playground;

/// <summary>
/// The Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>, pinned in tests/EndToEnd) as a
/// child process, started as /work/shared/docs/playground.md says: no browser, anonymous auth, Teams channel,
/// its mocked connector as the service URL, telemetry off, and its log file in a temp folder. Two preloads keep
/// it on 127.0.0.1 (its CLI has no host flag) and end it when this process ends (its stdin closes).
/// </summary>
internal sealed partial class PlaygroundProcess : IAsyncDisposable
{
    private static readonly TimeSpan ListenTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private const int MaxOutputLines = 2000;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PlaygroundProcess(Process process, string logFile, int requestedPort)
    {
        _process = process;
        LogFile = logFile;
        RequestedPort = requestedPort;
    }

    public string LogFile { get; }

    public int RequestedPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{RequestedPort}/");

    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts the Playground for the bot at <paramref name="botEndpoint"/> and waits (bounded) until its backend
    /// answers. The Playground silently moves to a random port when its port is taken, which would break the
    /// service URL given to it, so a moved start is stopped and retried on another port.
    /// </summary>
    public static async Task<PlaygroundProcess> StartAsync(
        Uri botEndpoint, string workFolder, Action<string> log, CancellationToken cancellationToken)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var playground = Launch(botEndpoint, workFolder, FreeLoopbackPort());
            try
            {
                var port = await playground.WaitUntilListeningAsync(cancellationToken);
                if (port != playground.RequestedPort)
                {
                    throw new PortTakenException(
                        $"the Playground listened on {port}, not on {playground.RequestedPort} (port taken meanwhile)");
                }

                await playground.WaitUntilReadyAsync(cancellationToken);
                log($"Agents Playground (pid {playground.ProcessId}) ready at {playground.BaseAddress} for {botEndpoint}");
                return playground;
            }
            catch (PortTakenException e) when (attempt < attempts)
            {
                log($"Retrying the Playground start: {e.Message}");
                await playground.DisposeAsync();
            }
            catch
            {
                await playground.DisposeAsync();
                throw;
            }
        }
    }

    private static PlaygroundProcess Launch(Uri botEndpoint, string workFolder, int port)
    {
        var endToEnd = RepositoryRoot.EndToEndFolder();
        var cli = Path.Combine(endToEnd, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        var logFile = Path.Combine(workFolder, $"playground-{port}.log");
        var startInfo = new ProcessStartInfo("node")
        {
            // Its own folder: it reads ./.m365agentsplayground.yml and writes ./devTools when left to itself.
            WorkingDirectory = workFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        string[] arguments =
        [
            "--require", Path.Combine(endToEnd, "loopback.cjs"),
            "--require", Path.Combine(endToEnd, "exit-with-parent.cjs"),
            cli, "start",
            "-e", botEndpoint.ToString(),
            "-c", "msteams",
            "--dt",
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "--service-url", $"http://127.0.0.1:{port}/_connector",
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Nothing from the developer's shell may steer it: with AUTH_* set it fetches tokens from the internet.
        foreach (var name in startInfo.Environment.Keys.ToList())
        {
            if (name.StartsWith("AUTH_", StringComparison.Ordinal)
                || name.StartsWith("M365_AGENTS_PLAYGROUND_", StringComparison.Ordinal)
                || name.StartsWith("TEAMSAPPTESTER_", StringComparison.Ordinal)
                || name is "TEAMS_APP_TEST_TOOL_CONFIG_PATH" or "BOT_ENDPOINT" or "SEND_INSTALLATION_ACTIVITY" or "NODE_OPTIONS")
            {
                startInfo.Environment.Remove(name);
            }
        }

        startInfo.Environment["TEAMSAPPTESTER_BROWSER"] = "none"; // otherwise it runs xdg-open and exits 1
        startInfo.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = logFile;
        startInfo.Environment["NO_PROXY"] = "127.0.0.1,localhost";
        startInfo.Environment["no_proxy"] = "127.0.0.1,localhost";

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        PlaygroundProcess? playground = null;
        process.OutputDataReceived += (_, e) => playground?.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => playground?.OnOutput(e.Data);
        try
        {
            if (!process.Start())
            {
                throw new InvalidOperationException("Could not start node.");
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException("node is not on PATH. The end-to-end tests need Node.js 20+ (see .ci/run).", e);
        }

        playground = new PlaygroundProcess(process, logFile, port);
        process.Exited += (_, _) => playground.OnExited();
        if (process.HasExited)
        {
            playground.OnExited();
        }

        process.BeginOutputReadLine(); // no output event fires before this, so `playground` is set by then
        process.BeginErrorReadLine();
        return playground;
    }

    private void OnExited() =>
        _listening.TrySetException(new InvalidOperationException(
            $"The Playground exited with code {_process.ExitCode} before it listened.\n{Diagnostics()}"));

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > MaxOutputLines)
            {
                _output.Dequeue();
            }
        }

        // When stdout is not a TTY it prints exactly "Listening on <port>" (0.2.28, read from its bundle).
        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            _listening.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }
    }

    private async Task<int> WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _listening.Task.WaitAsync(ListenTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The Playground did not listen within {ListenTimeout}.\n{Diagnostics()}");
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ReadyTimeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        string last = "no answer yet";
        try
        {
            do
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The Playground exited with code {_process.ExitCode}.\n{Diagnostics()}");
                }

                try
                {
                    using var response = await http.GetAsync(new Uri("_internal/v1/testConfig", UriKind.Relative), deadline.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }

                    last = $"HTTP {(int)response.StatusCode}";
                }
                catch (HttpRequestException e)
                {
                    last = e.Message;
                }
            }
            while (await poll.WaitForNextTickAsync(deadline.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // fall through to the timeout below
        }

        throw new TimeoutException($"The Playground's /_internal/v1/testConfig did not answer 200 within {ReadyTimeout} ({last}).\n{Diagnostics()}");
    }

    /// <summary>The Playground's console output and the tail of its log file, for a failure message.</summary>
    public string Diagnostics(int lines = 60)
    {
        var text = new StringBuilder();
        string[] output;
        lock (_output)
        {
            output = [.. _output];
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"--- Playground console (last {Math.Min(lines, output.Length)} lines) ---");
        foreach (var line in output.TakeLast(lines))
        {
            text.AppendLine(line);
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"--- Playground log file {LogFile} (tail) ---");
        try
        {
            foreach (var line in File.Exists(LogFile) ? ReadShared(LogFile).TakeLast(lines) : ["(not written)"])
            {
                text.AppendLine(line);
            }
        }
        catch (IOException e)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"(unreadable: {e.Message})");
        }

        return text.ToString();
    }

    private static string[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }

    /// <summary>A loopback port nobody holds right now (the Playground takes a number, not port 0).</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var stop = new CancellationTokenSource(StopTimeout);
                await _process.WaitForExitAsync(stop.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        catch (OperationCanceledException)
        {
            // killed but not reaped in time; nothing more a test can do
        }
        finally
        {
            _process.Dispose();
        }
    }

    [GeneratedRegex(@"^Listening on (\d+)\s*$")]
    private static partial Regex ListeningLine();

    private sealed class PortTakenException(string message) : Exception(message);
}

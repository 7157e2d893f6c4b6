using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HealthGuideBot.LoadTool.Targets;

/// <summary>A target the tool started itself: its output goes to a log file, and it is killed (by its own id) at the end.</summary>
internal sealed class TargetProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly string[] ProxyVariables = ["http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"];

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private readonly string? _scratchDirectory;

    private TargetProcess(Process process, StreamWriter log, string logPath, Uri messagesUrl, string? scratchDirectory)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        MessagesUrl = messagesUrl;
        _scratchDirectory = scratchDirectory;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public int ProcessId => _process.Id;

    public Uri MessagesUrl { get; }

    public string LogPath { get; }

    /// <summary>The process's peak resident set since it started (VmHWM), in MiB.</summary>
    public double? PeakRssMiB => ProcFs.ReadStatusKiB(_process.Id, "VmHWM") is { } kib ? kib / 1024.0 : null;

    public static int PickFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static async Task<TargetProcess> StartAsync(TargetLaunchSpec spec, string logDirectory, CancellationToken cancellationToken)
    {
        if (spec.ScratchDirectory is not null)
        {
            Directory.CreateDirectory(spec.ScratchDirectory);
        }

        var startInfo = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Replies must go straight to the loopback sink, never through a proxy a developer has configured.
        foreach (var name in ProxyVariables)
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["NO_PROXY"] = "127.0.0.1,localhost,::1";
        startInfo.Environment["no_proxy"] = "127.0.0.1,localhost,::1";
        foreach (var (name, value) in spec.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var logPath = Path.Combine(logDirectory, $"{spec.Name}.log");
        var log = new StreamWriter(logPath, append: false);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var messagesUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{spec.Port}{spec.MessagesPath}"));
        var target = new TargetProcess(process, log, logPath, messagesUrl, spec.ScratchDirectory);
        process.OutputDataReceived += (_, e) => target.WriteLog(e.Data);
        process.ErrorDataReceived += (_, e) => target.WriteLog(e.Data);
        try
        {
            if (!process.Start())
            {
                throw new LoadToolException($"Could not start {spec.FileName} for the {spec.Name} target.");
            }
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            await log.DisposeAsync();
            process.Dispose();
            throw new LoadToolException($"Could not start '{spec.FileName}' for the {spec.Name} target: {ex.Message}. Is it installed and on PATH?", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await target.WaitUntilListeningAsync(spec.Port, cancellationToken);
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }

        return target;
    }

    /// <summary>The last lines the target printed, for error messages.</summary>
    public string LogTail(int lines = 15)
    {
        lock (_logLock)
        {
            _log.Flush();
        }

        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var all = reader.ReadToEnd().Split('\n');
        return string.Join('\n', all.TakeLast(lines));
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using (var exitTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _process.WaitForExitAsync(exitTimeout.Token);
            }
            catch (OperationCanceledException) when (exitTimeout.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync($"warning: target process {_process.Id} did not exit within 10 s of being killed.");
            }
        }

        _process.Dispose();
        lock (_logLock)
        {
            _log.Dispose();
        }

        if (_scratchDirectory is not null && Directory.Exists(_scratchDirectory))
        {
            Directory.Delete(_scratchDirectory, recursive: true);
        }
    }

    /// <summary>The safety net when the tool exits before disposing (Ctrl+C past the grace period): never leave a target behind.</summary>
    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    private void WriteLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log.WriteLine(line);
        }
    }

    private async Task WaitUntilListeningAsync(int port, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new LoadToolException(
                    $"The target exited with code {_process.ExitCode} before listening on 127.0.0.1:{port}. Its output ({LogPath}):\n{LogTail()}");
            }

            using (var client = new TcpClient(AddressFamily.InterNetwork))
            {
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    return;
                }
                catch (SocketException)
                {
                }
            }

            if (Stopwatch.GetElapsedTime(started) > StartTimeout)
            {
                throw new LoadToolException(
                    $"The target did not listen on 127.0.0.1:{port} within {StartTimeout.TotalSeconds:0} s. Its output ({LogPath}):\n{LogTail()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}

using System.Text.Json;

namespace HealthGuideBot.EndToEnd.Tests.Playground;

/// <summary>
/// Makes tests/EndToEnd/node_modules match package-lock.json, running <c>npm ci</c> when a package is missing or at
/// another version, so that a plain <c>dotnet test</c> works on a fresh clone (.ci/run also runs <c>npm ci</c> first).
/// </summary>
internal static class NpmPackages
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Fixtures of different collections start in parallel; only one may run npm ci in the folder.</summary>
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task EnsureInstalledAsync(string folder, Action<string> log, CancellationToken cancellationToken)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            await InstallIfStaleAsync(folder, log, cancellationToken);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static async Task InstallIfStaleAsync(string folder, Action<string> log, CancellationToken cancellationToken)
    {
        var stale = FindStalePackage(folder);
        if (stale is null)
        {
            return;
        }

        log($"npm ci in {folder}: {stale}");
        ChildProcess.Result result;
        try
        {
            result = await ChildProcess.RunAsync(
                "npm", ["ci", "--no-audit", "--no-fund"], folder, InstallTimeout, cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "npm is not on PATH. The end-to-end tests need Node.js 20+ and npm (see .ci/run).", e);
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed in {folder} (exit code {result.ExitCode}):\n{result.Output}");
        }

        var stillStale = FindStalePackage(folder);
        if (stillStale is not null)
        {
            throw new InvalidOperationException($"npm ci succeeded but {stillStale}. npm output:\n{result.Output}");
        }

        log($"npm ci done:\n{result.Output.Trim()}");
    }

    /// <summary>Why node_modules does not match the lock file, or null when it does.</summary>
    internal static string? FindStalePackage(string folder)
    {
        var lockPath = Path.Combine(folder, "package-lock.json");
        if (!File.Exists(lockPath))
        {
            throw new InvalidOperationException($"{lockPath} is missing: it is committed, and `npm ci` needs it.");
        }

        using var lockFile = JsonDocument.Parse(File.ReadAllText(lockPath));
        foreach (var package in lockFile.RootElement.GetProperty("packages").EnumerateObject())
        {
            if (package.Name.Length == 0 || !package.Value.TryGetProperty("version", out var locked))
            {
                continue; // the root project itself
            }

            var manifest = Path.Combine(folder, package.Name, "package.json");
            if (!File.Exists(manifest))
            {
                var optional = package.Value.TryGetProperty("optional", out var flag) && flag.ValueKind == JsonValueKind.True;
                if (optional)
                {
                    continue; // an optional (usually platform-specific) dependency npm ci skips on this machine
                }

                return $"{package.Name} is not installed";
            }

            using var installed = JsonDocument.Parse(File.ReadAllText(manifest));
            var version = installed.RootElement.TryGetProperty("version", out var v) ? v.GetString() : null;
            if (version != locked.GetString())
            {
                return $"{package.Name} is {version ?? "unversioned"}, the lock file wants {locked.GetString()}";
            }
        }

        return null;
    }
}

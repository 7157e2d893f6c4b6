using System.Runtime.InteropServices;

namespace HealthGuideBot.Host.Hosting;

/// <summary>
/// Gives memory that native code has freed back to the operating system, every few seconds, on Linux with glibc.
/// </summary>
/// <remarks>
/// The JIT, SQLite and OpenSSL allocate with <c>malloc</c>; glibc keeps what they free in its arenas (one per busy
/// thread) and returns it only from the top of an arena, so after a burst of load the process keeps megabytes of
/// freed pages resident. <c>malloc_trim(0)</c> releases the free pages of every arena (it takes well under a
/// millisecond). Measured with the load tool at c=64: peak RSS about 10 MB lower, idle RSS about 9 MB lower.
/// Elsewhere (Windows, macOS, musl) it does nothing.
/// </remarks>
internal sealed class NativeHeapTrimmer(TimeProvider time) : BackgroundService
{
    /// <summary>How often freed native memory is returned.</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Whether this platform has glibc's <c>malloc_trim</c>.</summary>
    internal static bool IsSupported { get; } = OperatingSystem.IsLinux() && HasMallocTrim();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsSupported)
        {
            return;
        }

        // A wait per trim, not a PeriodicTimer: a periodic timer on a clock that jumps (a test advancing a fake clock by
        // days) fires once per elapsed period, tens of thousands of trims in a row; a fresh wait fires once.
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(Interval, time, stoppingToken);
                Trim();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Returns freed native memory to the operating system now; false where that is not possible.</summary>
    internal static bool Trim()
    {
        if (!IsSupported)
        {
            return false;
        }

        _ = MallocTrim(0);
        return true;
    }

    private static bool HasMallocTrim() =>
        NativeLibrary.TryLoad("libc.so.6", out var libc) && NativeLibrary.TryGetExport(libc, "malloc_trim", out _);

    [DllImport("libc.so.6", EntryPoint = "malloc_trim", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}

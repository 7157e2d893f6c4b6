using System.Runtime.InteropServices;

namespace HealthGuideBot.Host.Hosting;

/// <summary>
/// Caps glibc's <c>malloc</c> at <see cref="MaxArenas"/> arenas, the in-process equivalent of
/// <c>MALLOC_ARENA_MAX=2</c>, so that nobody has to remember to set that variable where the bot runs.
/// </summary>
/// <remarks>
/// glibc gives each thread that meets contention its own arena (up to 8 per core), and each arena keeps its own
/// freed and fragmented pages. The bot's native allocations (SQLite, the JIT, OpenSSL) are small and few, so two
/// arenas serve them without measurable contention. It must run before the thread pool grows, so
/// <c>Program</c> calls it first. Elsewhere (Windows, macOS, musl) it does nothing. Measured with the load tool at
/// c=64 (as MALLOC_ARENA_MAX=2): anonymous plus [heap] memory 74 to 69 MB, peak RSS a few MiB lower (208-212 against
/// 207-213: within the machine's noise on its own), throughput unchanged.
/// </remarks>
internal static class MallocArenaLimit
{
    /// <summary>The most arenas glibc may create.</summary>
    internal const int MaxArenas = 2;

    private const int ArenaMaxParameter = -8; // M_ARENA_MAX in malloc.h

    /// <summary>Applies the limit; false where the platform has no glibc <c>mallopt</c> or it refused.</summary>
    internal static bool Apply() => NativeHeapTrimmer.IsSupported && MallOpt(ArenaMaxParameter, MaxArenas) == 1;

    [DllImport("libc.so.6", EntryPoint = "mallopt", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallOpt(int parameter, int value);
}

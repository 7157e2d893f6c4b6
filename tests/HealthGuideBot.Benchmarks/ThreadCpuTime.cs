using System.Runtime.InteropServices;

namespace HealthGuideBot.Benchmarks;

/// <summary>
/// The calling thread's CPU time (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>): what a query cost in CPU,
/// without the time the thread waited for a core. On this shared machine that is far steadier than wall time.
/// Zero on other systems.
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    private static readonly bool Available = OperatingSystem.IsLinux();

    /// <summary>Nanoseconds of CPU this thread has used; 0 where unavailable.</summary>
    public static long Nanoseconds()
    {
        if (!Available || ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            return 0;
        }

        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

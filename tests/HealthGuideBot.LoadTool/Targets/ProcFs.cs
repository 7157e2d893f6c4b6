using System.Globalization;

namespace HealthGuideBot.LoadTool.Targets;

/// <summary>Reads a process's memory and CPU from /proc (Linux).</summary>
internal static class ProcFs
{
    /// <summary>USER_HZ: the unit of utime and stime in /proc/[pid]/stat, 100 on every Linux ABI .NET runs on.</summary>
    private const double ClockTicksPerSecond = 100;

    /// <summary>A "Vm…" line of /proc/[pid]/status (VmRSS, VmHWM), in KiB; null if the process is gone.</summary>
    public static long? ReadStatusKiB(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal) && line.Length > field.Length && line[field.Length] == ':')
                {
                    var value = line[(field.Length + 1)..].Trim();
                    var space = value.IndexOf(' ', StringComparison.Ordinal);
                    return long.Parse(space < 0 ? value : value[..space], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    /// <summary>User plus system CPU time the process has used so far; null if the process is gone.</summary>
    public static TimeSpan? ReadCpuTime(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // Fields after the parenthesised command name (which may hold spaces): state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
    }
}

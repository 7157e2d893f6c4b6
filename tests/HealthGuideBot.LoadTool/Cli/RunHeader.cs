using System.Globalization;
using HealthGuideBot.LoadTool.Load;

namespace HealthGuideBot.LoadTool.Cli;

/// <summary>The first line of every run: what was asked and how busy the machine already was.</summary>
internal static class RunHeader
{
    public static string Describe(Uri serviceUrl, LoadSettings settings)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"sink {serviceUrl}; warm-up {settings.Warmup.TotalSeconds:0} s, measure {settings.Duration.TotalSeconds:0} s, " +
            $"max {settings.MaxRequests} activities per phase, reply timeout {settings.ReplyTimeout.TotalSeconds:0} s, " +
            $"{settings.Users} users in {settings.Tenants} tenants, {Workload(settings)}; {Environment.ProcessorCount} cores, loadavg {load}");
    }

    private static string Workload(LoadSettings settings)
    {
        if (settings.Questions is not { } questions)
        {
            return $"protocol workload, text \"{settings.Text}\"";
        }

        var kinds = questions.Questions.GroupBy(q => q.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        return $"answers workload, {questions.Count} questions rotating ({string.Join(", ", kinds)})";
    }
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace HealthGuideBot.Benchmarks;

/// <summary>
/// The default configuration: a short run (one launch, 3 warm-up and 7 measured iterations of about 250 ms) so the
/// whole suite finishes in minutes on the shared two-core machine, with the median and p95 beside the mean because
/// the machine is noisy. Index benchmarks override it with a cold, one-call-per-iteration job.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public static Job ShortJob { get; } = Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(7)
        .WithIterationTime(TimeInterval.FromMilliseconds(250))
        .WithId("Short");

    public BenchmarkConfig()
    {
        Add(DefaultConfig.Instance);
        AddJob(ShortJob.AsDefault());
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(30);
    }
}

/// <summary>One call per iteration, 2 warm-up and 9 measured: for operations that take tens of milliseconds to seconds (index build and open).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ColdJobAttribute : JobConfigBaseAttribute
{
    public ColdJobAttribute()
        : base(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(9).WithId("Cold"))
    {
    }
}

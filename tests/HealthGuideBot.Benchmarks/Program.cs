using BenchmarkDotNet.Running;
using HealthGuideBot.Benchmarks;

if (args.Contains(LatencyMode.Flag, StringComparer.Ordinal))
{
    return await LatencyMode.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, new BenchmarkConfig());
return 0;

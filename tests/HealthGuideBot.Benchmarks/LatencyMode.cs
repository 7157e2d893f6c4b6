using System.Diagnostics;
using System.Globalization;
using HealthGuideBot.Knowledge.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthGuideBot.Benchmarks;

/// <summary>
/// <c>--latency</c>: per-query Stopwatch timings on one and on two threads, which BenchmarkDotNet does not give
/// (its percentiles are over iterations, and it does not merge threads). For each corpus size it runs several
/// rounds of N queries per thread over the rotating question set and prints p50/p95/p99 and queries/s per round
/// and their medians, then the emergency path and the index open time. Options:
/// <c>--sections 10000,100000</c>, <c>--queries 2000</c> (per thread per round), <c>--rounds 3</c>, <c>--stages</c>
/// (also time the cumulative stages of a search, as <see cref="SearchStageBenchmarks"/>), <c>--slowest 10</c>
/// (the questions with the highest CPU time per search), <c>--builds 5</c> (only time index builds).
/// </summary>
internal static class LatencyMode
{
    public const string Flag = "--latency";
    private const int MaxHits = 8;

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--sections", "10000,100000").Split(',').Select(size => int.Parse(size, CultureInfo.InvariantCulture)).ToArray();
        var queries = int.Parse(Option(args, "--queries", "2000"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds", "3"), CultureInfo.InvariantCulture);
        var questions = QuestionSets.All;

        Print($"HealthGuideBot latency mode: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {questions.Length} rotating questions, "
            + $"{queries} queries per thread per round, {rounds} rounds; load average at start: {LoadAverage()}");

        if (int.Parse(Option(args, "--builds", "0"), CultureInfo.InvariantCulture) is var builds && builds > 0)
        {
            await PrintBuildsAsync(sizes, builds);
            return 0;
        }

        foreach (var size in sizes)
        {
            var corpus = await SyntheticCorpus.EnsureAsync(size, line => Print("  " + line));
            Print($"\n== {size:N0} sections ==");
            var opened = Stopwatch.GetTimestamp();
            using var search = LuceneKnowledgeSearch.Open(corpus.IndexRoot, NullLogger<LuceneKnowledgeSearch>.Instance);
            search.Search(questions[0], MaxHits);
            Print($"open + first search, first time in this process (JIT included): {Stopwatch.GetElapsedTime(opened).TotalMilliseconds:0.0} ms");
            var (openWall, openCpu) = MedianOpenMilliseconds(corpus.IndexRoot, questions[0]);
            Print($"open + first search, warm, median of 9: {openWall:0.0} ms, thread CPU {openCpu:0.0} ms (target ≤ 50 ms)");

            // Warm up past tiered compilation: every question twice on each thread count.
            Run(1, questions.Length * 2, questions, question => search.Search(question, MaxHits).Hits.Count);
            Run(2, questions.Length * 2, questions, question => search.Search(question, MaxHits).Hits.Count);

            var one = new List<Result>();
            var two = new List<Result>();
            for (var round = 0; round < rounds; round++)
            {
                one.Add(Run(1, queries, questions, question => search.Search(question, MaxHits).Hits.Count, round * 37));
                two.Add(Run(2, queries, questions, question => search.Search(question, MaxHits).Hits.Count, round * 37));
                Print($"round {round + 1}: 1 thread {one[^1]} | 2 threads {two[^1]} | load {LoadAverage()}");
            }

            if (Option(args, "--slowest", "0") is var slowest && int.Parse(slowest, CultureInfo.InvariantCulture) > 0)
            {
                PrintSlowest(search, questions, int.Parse(slowest, CultureInfo.InvariantCulture));
            }

            Print($"MEDIAN 1 thread : {Result.Median(one)}");
            Print($"MEDIAN 2 threads: {Result.Median(two)}");
            Print($"2-thread / 1-thread throughput: {Median(two.Select(r => r.QueriesPerSecond)) / Median(one.Select(r => r.QueriesPerSecond)):0.00}×");
            Print($"CPU-bound ceiling on 2 cores (2 / mean CPU per query, 2 threads): {2000 / Median(two.Select(r => r.CpuMean)):N0} q/s");
        }

        if (args.Contains("--stages", StringComparer.Ordinal))
        {
            await PrintStagesAsync(queries, rounds);
        }

        Print("\n== emergency: router + responder over the real knowledge base ==");
        using (var knowledge = await RealKnowledge.CreateAsync())
        {
            var messages = QuestionSets.Emergencies;
            Run(1, messages.Length * 20, messages, message => knowledge.Answer(message) is null ? 0 : 1);
            var one = new List<Result>();
            var two = new List<Result>();
            for (var round = 0; round < rounds; round++)
            {
                one.Add(Run(1, messages.Length * 50, messages, message => knowledge.Answer(message) is null ? 0 : 1, round));
                two.Add(Run(2, messages.Length * 50, messages, message => knowledge.Answer(message) is null ? 0 : 1, round));
            }

            Print($"{messages.Length} phrasings. MEDIAN 1 thread : {Result.Median(one)}");
            Print($"{messages.Length} phrasings. MEDIAN 2 threads: {Result.Median(two)}");
        }

        Print($"\nload average at end: {LoadAverage()}");
        return 0;
    }

    /// <summary>
    /// <c>--builds N</c>: builds each corpus's index N times into a scratch folder (the first includes JIT) and prints
    /// wall time and process CPU time (all threads, merges included) per 1,000 sections, and their medians.
    /// </summary>
    private static async Task PrintBuildsAsync(int[] sizes, int builds)
    {
        foreach (var size in sizes)
        {
            var corpus = await SyntheticCorpus.EnsureAsync(size, line => Print("  " + line));
            var scratch = Path.Combine(RepoPaths.CacheFolder, "build-" + Guid.NewGuid().ToString("N")[..8]);
            var walls = new List<double>();
            var cpus = new List<double>();
            try
            {
                for (var i = 0; i < builds; i++)
                {
                    var builder = new KnowledgeIndexBuilder(TimeProvider.System, NullLogger<KnowledgeIndexBuilder>.Instance);
                    var cpuStarted = Process.GetCurrentProcess().TotalProcessorTime;
                    var started = Stopwatch.GetTimestamp();
                    await builder.BuildAsync(corpus.KnowledgeFolder, scratch, CancellationToken.None);
                    var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds * 1000 / size;
                    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStarted).TotalMilliseconds * 1000 / size;
                    Print($"build {i + 1} of {size:N0} sections: {wall:0} ms per 1,000 wall, {cpu:0} ms per 1,000 process CPU | load {LoadAverage()}");
                    if (i > 0 || builds == 1)
                    {
                        walls.Add(wall);
                        cpus.Add(cpu);
                    }
                }
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }

            Print($"MEDIAN build (after the first) of {size:N0} sections: {Median(walls):0} ms per 1,000 wall, {Median(cpus):0} ms per 1,000 process CPU (target ≤ 250 ms wall)");

            // The split build must index exactly as one thread does: same hits, same scores, same order.
            var sequentialRoot = Path.Combine(RepoPaths.CacheFolder, "build-" + Guid.NewGuid().ToString("N")[..8]);
            var parallelRoot = Path.Combine(RepoPaths.CacheFolder, "build-" + Guid.NewGuid().ToString("N")[..8]);
            var threshold = KnowledgeIndexBuilder.ParallelBuildMinimumSections;
            try
            {
                var builder = new KnowledgeIndexBuilder(TimeProvider.System, NullLogger<KnowledgeIndexBuilder>.Instance);
                KnowledgeIndexBuilder.ParallelBuildMinimumSections = int.MaxValue;
                await builder.BuildAsync(corpus.KnowledgeFolder, sequentialRoot, CancellationToken.None);
                KnowledgeIndexBuilder.ParallelBuildMinimumSections = 1;
                await builder.BuildAsync(corpus.KnowledgeFolder, parallelRoot, CancellationToken.None);
                using var sequential = LuceneKnowledgeSearch.Open(sequentialRoot, NullLogger<LuceneKnowledgeSearch>.Instance);
                using var parallel = LuceneKnowledgeSearch.Open(parallelRoot, NullLogger<LuceneKnowledgeSearch>.Instance);
                static string Describe(HealthGuideBot.Core.Knowledge.KnowledgeSearchResult result) =>
                    string.Join(';', result.Hits.Select(hit => string.Create(CultureInfo.InvariantCulture, $"{hit.Section.Id}={hit.Score:R}/{hit.Coverage:R}/{hit.HighlightedExcerpt.Length}")));
                var differing = QuestionSets.All.Count(question => Describe(sequential.Search(question, MaxHits)) != Describe(parallel.Search(question, MaxHits)));
                Print($"split build against one-thread build: {differing} of {QuestionSets.All.Length} questions with different hits, scores or order");
            }
            finally
            {
                KnowledgeIndexBuilder.ParallelBuildMinimumSections = threshold;
                Directory.Delete(sequentialRoot, recursive: true);
                Directory.Delete(parallelRoot, recursive: true);
            }

            // The reading part alone (Markdown, front matter, sections), which the build does first.
            var readCpu = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                var cpuStarted = Process.GetCurrentProcess().TotalProcessorTime;
                var read = await new HealthGuideBot.Knowledge.Reading.KnowledgeFolderReader(NullLogger.Instance).ReadAsync(corpus.KnowledgeFolder, CancellationToken.None);
                GC.KeepAlive(read);
                readCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuStarted).TotalMilliseconds * 1000 / size);
            }

            Print($"of which reading the folder: median {Median(readCpu):0} ms per 1,000 process CPU");
        }
    }

    /// <summary>The questions with the highest median thread-CPU time per search (7 runs each), for the tail.</summary>
    private static void PrintSlowest(LuceneKnowledgeSearch search, string[] questions, int count)
    {
        var costs = questions.Distinct(StringComparer.Ordinal).Select(question =>
        {
            var samples = Enumerable.Range(0, 7).Select(_ =>
            {
                var started = ThreadCpuTime.Nanoseconds();
                var found = search.Search(question, MaxHits);
                GC.KeepAlive(found);
                return (ThreadCpuTime.Nanoseconds() - started) / 1e6;
            }).ToArray();
            var result = search.Search(question, MaxHits);
            return (Question: question, Cpu: Median(samples), result.QueryTermCount, Hits: result.Hits.Count);
        }).OrderByDescending(cost => cost.Cpu).ToArray();
        Print($"slowest {count} of {costs.Length} questions (median thread CPU of 7 searches; all: p50 {Median(costs.Select(c => c.Cpu)):0.000} ms):");
        foreach (var cost in costs.Take(count))
        {
            Print($"  {cost.Cpu:0.000} ms  {cost.QueryTermCount,2} positions  {cost.Hits} hits  {cost.Question[..Math.Min(90, cost.Question.Length)]}");
        }
    }

    /// <summary>The cumulative stages of <see cref="SearchStageBenchmarks"/>, timed per query on one thread (medians of rounds).</summary>
    private static async Task PrintStagesAsync(int queries, int rounds)
    {
        Print("\n== search stages, 10,000 sections, one thread (cumulative; differences are each stage's cost) ==");
        using var stages = new SearchStageBenchmarks();
        await stages.SetupAsync();
        (string Name, Func<int> Call)[] steps =
        [
            ("plan", stages.Plan),
            ("+ top 8 hits", stages.PlanTopHits),
            ("+ section store reads", stages.PlanTopHitsStoredFields),
            ("+ coverage (postings)", stages.PlanTopHitsStoredFieldsCoverage),
            ("+ re-analyse all hit texts", stages.PlanTopHitsStoredFieldsCoverageAnalysis),
            ("+ highlights = full search", stages.FullSearch),
        ];
        string[] inputs = ["-"];
        foreach (var (_, call) in steps)
        {
            Run(1, QuestionSets.All.Length * 2, inputs, _ => call());
        }

        foreach (var (name, call) in steps)
        {
            var results = Enumerable.Range(0, rounds).Select(_ => Run(1, queries / 2, inputs, _ => call())).ToList();
            Print($"{name,-28} {Result.Median(results)}");
        }
    }

    /// <summary>Median wall and thread-CPU milliseconds of open + first search (9 samples after 2 warm-ups).</summary>
    private static (double Wall, double Cpu) MedianOpenMilliseconds(string indexRoot, string question)
    {
        var samples = new List<double>();
        var cpuSamples = new List<double>();
        for (var i = 0; i < 11; i++)
        {
            var cpuStarted = ThreadCpuTime.Nanoseconds();
            var started = Stopwatch.GetTimestamp();
            using (var search = LuceneKnowledgeSearch.Open(indexRoot, NullLogger<LuceneKnowledgeSearch>.Instance))
            {
                search.Search(question, MaxHits);
            }

            if (i >= 2)
            {
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                cpuSamples.Add((ThreadCpuTime.Nanoseconds() - cpuStarted) / 1e6);
            }
        }

        return (Median(samples), Median(cpuSamples));
    }

    /// <summary>Runs <paramref name="perThread"/> calls on each of <paramref name="threads"/> threads, started together.</summary>
    private static Result Run(int threads, int perThread, string[] inputs, Func<string, int> call, int offset = 0)
    {
        var latencies = new double[threads][];
        var cpu = new double[threads][];
        var ready = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(thread => new Thread(() =>
        {
            var own = new double[perThread];
            var ownCpu = new double[perThread];
            var start = offset + (thread * inputs.Length / threads);
            var sink = 0;
            ready.SignalAndWait();
            for (var i = 0; i < perThread; i++)
            {
                var input = inputs[(start + i) % inputs.Length];
                var cpuBegan = ThreadCpuTime.Nanoseconds();
                var began = Stopwatch.GetTimestamp();
                sink += call(input);
                own[i] = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
                ownCpu[i] = (ThreadCpuTime.Nanoseconds() - cpuBegan) / 1e6;
            }

            latencies[thread] = own;
            cpu[thread] = ownCpu;
            GC.KeepAlive(sink);
        })
        { IsBackground = true }).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        ready.SignalAndWait();
        var wall = Stopwatch.StartNew();
        foreach (var worker in workers)
        {
            worker.Join();
        }

        wall.Stop();
        ready.Dispose();
        var all = latencies.SelectMany(samples => samples).Order().ToArray();
        var allCpu = cpu.SelectMany(samples => samples).Order().ToArray();
        return new Result(
            Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), all.Length / wall.Elapsed.TotalSeconds,
            Percentile(allCpu, 0.50), Percentile(allCpu, 0.99), allCpu.Average());
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    private static void Print(string line) => Console.WriteLine(line);

    /// <summary>Wall-time percentiles and throughput, and the same queries' CPU time (thread CPU clock).</summary>
    private sealed record Result(
        double P50, double P95, double P99, double QueriesPerSecond, double CpuP50, double CpuP99, double CpuMean)
    {
        public static Result Median(IReadOnlyList<Result> results) => new(
            LatencyMode.Median(results.Select(r => r.P50)),
            LatencyMode.Median(results.Select(r => r.P95)),
            LatencyMode.Median(results.Select(r => r.P99)),
            LatencyMode.Median(results.Select(r => r.QueriesPerSecond)),
            LatencyMode.Median(results.Select(r => r.CpuP50)),
            LatencyMode.Median(results.Select(r => r.CpuP99)),
            LatencyMode.Median(results.Select(r => r.CpuMean)));

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"p50 {P50:0.000} ms  p95 {P95:0.000} ms  p99 {P99:0.000} ms  {QueriesPerSecond:N0} q/s | cpu p50 {CpuP50:0.000} p99 {CpuP99:0.000} mean {CpuMean:0.000} ms");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using HealthGuideBot.LoadTool.Sink;
using HealthGuideBot.LoadTool.Targets;

namespace HealthGuideBot.LoadTool.Load;

/// <summary>
/// Closed-loop load: N workers, each posting one activity to the target's <c>/api/messages</c> and waiting for its
/// reply at the sink (or the reply timeout) before posting the next.
/// </summary>
internal sealed class LoadRunner(ReplyCorrelator correlator, Uri serviceUrl, LoadSettings settings, TimeProvider timeProvider)
{
    /// <summary>How long to keep listening after a phase for duplicate replies before its counts are read.</summary>
    private static readonly TimeSpan DuplicateGrace = TimeSpan.FromMilliseconds(300);

    private readonly string _runTag = Guid.NewGuid().ToString("N")[..8];
    private readonly ActivityFactory _factory = new(serviceUrl, timeProvider);
    private VirtualUserPool? _users;
    private long _nextActivity;
    private long _nextQuestion = -1;

    private VirtualUserPool Users => _users ??= new VirtualUserPool(settings.Users, settings.Tenants, _runTag);

    /// <summary>One activity, one reply: proves the target and the sink talk before any load is sent.</summary>
    public async Task<TimeSpan> ProbeAsync(LoadTarget target, CancellationToken cancellationToken)
    {
        var result = await RunPhaseAsync(target, 1, settings.ReplyTimeout + TimeSpan.FromSeconds(1), 1, sample: false, cancellationToken);
        if (result.Replied != 1)
        {
            throw new LoadToolException(
                $"The {target.Name} target at {target.MessagesUrl} did not answer one activity with a reply at the sink " +
                $"(errors {result.Errors}, lost {result.Lost}, unmatched replies so far {correlator.Unmatched}). " +
                "Check that it accepts anonymous loopback requests and may send to a loopback serviceUrl.");
        }

        return TimeSpan.FromMilliseconds(result.Latency.P50Ms);
    }

    /// <summary>A warm-up (discarded) then a measured phase.</summary>
    /// <summary>
    /// A warm-up (discarded) then a measured phase. With the answer workload, our bot's server-side turn timings are
    /// reset just before the measured phase and read just after it (targets without them, like the peer, have none).
    /// </summary>
    public async Task<(PhaseResult Warmup, PhaseResult Measured)> MeasureAsync(LoadTarget target, int concurrency, CancellationToken cancellationToken)
    {
        var warmup = await RunPhaseAsync(target, concurrency, settings.Warmup, settings.MaxRequests, sample: false, cancellationToken);
        var serverTimed = settings.Workload == Workload.Answers && target.Name != TargetCatalog.Peer
            && await ServerTimingsClient.TryResetAsync(target, cancellationToken);
        var measured = await RunPhaseAsync(target, concurrency, settings.Duration, settings.MaxRequests, sample: true, cancellationToken);
        if (serverTimed)
        {
            measured = measured with { Server = await ServerTimingsClient.TryReadAsync(target, cancellationToken) };
        }

        return (warmup, measured);
    }

    private async Task<PhaseResult> RunPhaseAsync(
        LoadTarget target, int concurrency, TimeSpan duration, int maxRequests, bool sample, CancellationToken cancellationToken)
    {
        var sampler = sample && target.ProcessId is { } pid ? ProcessSampler.Start(pid) : null;
        var toolCpuAtStart = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        var phase = new PhaseState(duration, maxRequests, concurrency);
        try
        {
            var workers = Enumerable.Range(0, concurrency)
                .Select(worker => Task.Run(() => WorkerAsync(target, worker, concurrency, phase, cancellationToken), cancellationToken))
                .ToArray();
            await Task.WhenAll(workers);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var toolCpu = Environment.CpuUsage.TotalTime - toolCpuAtStart;
            (double? PeakRssMiB, TimeSpan? Cpu) usage = (null, null);
            if (sampler is not null)
            {
                usage = await sampler.StopAsync();
            }

            await Task.Delay(DuplicateGrace, timeProvider, cancellationToken);
            var counters = phase.Counters;
            return new PhaseResult
            {
                Target = target.Name,
                Concurrency = concurrency,
                Sent = counters.Sent,
                Replied = counters.Replied,
                Errors = counters.Errors,
                Lost = counters.Lost,
                Duplicates = counters.Duplicates,
                Late = counters.Late,
                Elapsed = elapsed,
                Latency = LatencySummary.FromTimestampDeltas(phase.Latencies),
                EmergencyLatency = settings.Workload == Workload.Answers ? LatencySummary.FromTimestampDeltas(phase.EmergencyLatencies) : null,
                Wrong = counters.Wrong,
                Cards = counters.Cards,
                PeakRssMiB = usage.PeakRssMiB,
                TargetCpuMsPerActivity = usage.Cpu is { } cpu && counters.Replied > 0 ? cpu.TotalMilliseconds / counters.Replied : null,
                ToolCpuPercent = 100 * toolCpu.TotalSeconds / elapsed.TotalSeconds,
            };
        }
        finally
        {
            if (sampler is not null)
            {
                await sampler.DisposeAsync();
            }

            correlator.Clear();
        }
    }

    private async Task WorkerAsync(LoadTarget target, int worker, int workers, PhaseState phase, CancellationToken cancellationToken)
    {
        var latencies = phase.Latencies[worker];
        var emergencyLatencies = phase.EmergencyLatencies[worker];
        var counters = phase.Counters;
        // Our bot must answer an emergency with its steps card; the echo peer answers everything with text.
        var cardsChecked = target.Name != TargetCatalog.Peer;
        long k = 0;
        while (!cancellationToken.IsCancellationRequested && phase.TryStartRequest())
        {
            var user = Users.ForWorker(worker, workers, k++);
            var activityId = string.Create(CultureInfo.InvariantCulture, $"hgb-load-{_runTag}-{Interlocked.Increment(ref _nextActivity)}");
            var question = settings.Questions?.ForActivity(Interlocked.Increment(ref _nextQuestion));
            var body = _factory.CreateMessage(user, activityId, question?.Text ?? settings.Text);
            var emergency = question?.Kind == QuestionKind.Emergency;
            var pending = correlator.Register(activityId, user.ConversationId, counters, cardRequired: emergency && cardsChecked);
            counters.AddSent();
            var start = Stopwatch.GetTimestamp();
            var accepted = await PostAsync(target, body, cancellationToken);
            if (!accepted)
            {
                counters.AddError();
            }

            var arrival = await WaitForReplyAsync(pending, start, accepted, cancellationToken);
            if (arrival is { } arrivedAt)
            {
                latencies.Add(arrivedAt - start);
                if (emergency)
                {
                    emergencyLatencies.Add(arrivedAt - start);
                }
                counters.AddReplied();
            }
            else if (accepted)
            {
                counters.AddLost();
            }

            correlator.EndInFlight(pending);
        }
    }

    private static async Task<bool> PostAsync(LoadTarget target, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new ReadOnlyMemoryContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await target.Client.PostAsync(target.MessagesUrl, content, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout: the target did not answer the POST within the reply timeout.
            return false;
        }
    }

    private async Task<long?> WaitForReplyAsync(PendingReply pending, long start, bool accepted, CancellationToken cancellationToken)
    {
        var remaining = settings.ReplyTimeout - Stopwatch.GetElapsedTime(start);
        if (accepted && remaining > TimeSpan.Zero)
        {
            try
            {
                return await pending.Arrival.WaitAsync(remaining, timeProvider, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
        }

        return pending.TryAbandon() ? null : await pending.Arrival;
    }
}

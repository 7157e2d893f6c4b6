using Microsoft.Extensions.Options;

namespace HealthGuideBot.Core.Questions;

/// <summary>
/// Lets a bounded number of knowledge searches run at once, first come first served, so that a burst of questions
/// cannot take every core from an emergency answer.
/// </summary>
/// <remarks>
/// <para>A search is about a millisecond of CPU with nothing to wait for; an emergency answer needs a fraction of
/// that, but it needs it now. Without a bound, at 64 turns in flight on two cores every emergency answer queued
/// behind dozens of searches at each of its steps (the thread pool's queue is first in, first out), and its
/// server-side p99 was about 60 ms against the 50 ms target. With the bound, questions beyond it wait here,
/// asynchronously and holding no thread, while emergencies (which never search: they are routed before questions and
/// answered from the approved document) find at most this many searches ahead of them.</para>
/// <para>Throughput does not suffer as long as the bound keeps every core busy: the default is twice the processor
/// count. Only the search is admitted, never an answer composer's wait on a language model, which would otherwise
/// hold a slot for seconds.</para>
/// <para>performance.md warns that a semaphore around searches made the tail far worse in a trial; that is what a
/// blocking wait does (threads parked in <c>Wait</c> starve the pool). This one is only ever awaited.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "A SemaphoreSlim holds nothing to free unless its AvailableWaitHandle is used, which it never is here; the admission lives as long as the process.")]
public sealed class SearchAdmission
{
    private readonly SemaphoreSlim _slots;

    public SearchAdmission(IOptions<QuestionAnsweringOptions> options)
        : this(options?.Value.MaxConcurrentSearches is > 0 and var configured ? configured : DefaultLimit)
    {
    }

    public SearchAdmission(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Limit = limit;
        _slots = new SemaphoreSlim(limit, limit);
    }

    /// <summary>Twice the processor count: enough to keep every core searching while one search's thread is preempted.</summary>
    public static int DefaultLimit => 2 * Environment.ProcessorCount;

    /// <summary>How many searches may run at once.</summary>
    public int Limit { get; }

    /// <summary>How many slots are free now (for tests and diagnostics).</summary>
    public int Available => _slots.CurrentCount;

    /// <summary>Waits for a slot (in arrival order); dispose the result to give it back.</summary>
    public async ValueTask<Slot> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    /// <summary>A held slot; disposing it more than once gives it back once.</summary>
    public sealed class Slot : IDisposable
    {
        private SemaphoreSlim? _slots;

        internal Slot(SemaphoreSlim slots) => _slots = slots;

        public void Dispose() => Interlocked.Exchange(ref _slots, null)?.Release();
    }
}

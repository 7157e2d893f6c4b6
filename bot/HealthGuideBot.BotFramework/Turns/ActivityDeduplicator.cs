using System.Collections.Concurrent;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Turns;

/// <summary>
/// Runs a re-delivered activity once. Teams re-sends an activity it thinks timed out, and the same invoke has been
/// seen several times with one id, up to about 30 s apart (security.md §2). The key is (conversation id, activity
/// id) (spec A2033 lets receivers de-duplicate by id). A repeat that arrives while the first is running waits for it
/// and gets the same result; a repeat after it finished gets the remembered result (only invokes have one to
/// remember). A turn that failed is forgotten so that the channel's retry can run it again.
/// </summary>
/// <remarks>
/// Memory stays bounded: entries live in two generations that rotate every half window, so a finished activity is
/// remembered for between one half and one whole <see cref="BotFrameworkOptions.DeduplicationWindow"/> and dropping
/// old ones is a single dictionary swap rather than a scan. Under a flood the current generation also rotates when it
/// holds <see cref="BotFrameworkOptions.DeduplicationCapacity"/> entries, which shortens the window rather than
/// growing without limit.
/// </remarks>
internal sealed class ActivityDeduplicator
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _halfWindow;
    private readonly int _capacity;
    private readonly Lock _rotation = new();
    private Generations _generations;

    public ActivityDeduplicator(TimeProvider time, IOptions<BotFrameworkOptions> options)
    {
        _time = time;
        _halfWindow = options.Value.DeduplicationWindow / 2;
        _capacity = Math.Max(1, options.Value.DeduplicationCapacity / 2);
        _generations = new Generations(new(), new(), _time.GetUtcNow() + _halfWindow);
    }

    /// <summary>Runs <paramref name="turn"/> unless this activity already ran (or is running); returns its result.</summary>
    public async Task<DeduplicatedResult> RunOnceAsync(Activity activity, Func<Task<InvokeResponse?>> turn)
    {
        if (activity.Id is not { Length: > 0 } activityId || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return new DeduplicatedResult(await turn(), IsRepeat: false);
        }

        var key = new Key(conversationId, activityId);
        var generations = CurrentGenerations();
        if (generations.Previous.TryGetValue(key, out var earlier))
        {
            return new DeduplicatedResult(await earlier.ResultAsync(), IsRepeat: true);
        }

        var mine = new Entry();
        var existing = generations.Current.GetOrAdd(key, mine);
        if (!ReferenceEquals(existing, mine))
        {
            return new DeduplicatedResult(await existing.ResultAsync(), IsRepeat: true);
        }

        try
        {
            var result = await turn();
            mine.Complete(activity.Type == ActivityTypes.Invoke ? result : null);
            return new DeduplicatedResult(result, IsRepeat: false);
        }
        catch (Exception exception)
        {
            generations.Current.TryRemove(KeyValuePair.Create(key, mine));
            mine.Fail(exception);
            throw;
        }
    }

    /// <summary>How many activities are remembered now (for tests and diagnostics).</summary>
    internal int Count
    {
        get
        {
            var generations = CurrentGenerations();
            return generations.Current.Count + generations.Previous.Count;
        }
    }

    private Generations CurrentGenerations()
    {
        var generations = Volatile.Read(ref _generations);
        var now = _time.GetUtcNow();
        if (now < generations.RotateAt && generations.Current.Count < _capacity)
        {
            return generations;
        }

        lock (_rotation)
        {
            generations = _generations;
            if (now >= generations.RotateAt + _halfWindow)
            {
                // Both generations are older than the window: start afresh.
                generations = new Generations(new(), new(), now + _halfWindow);
            }
            else if (now >= generations.RotateAt || generations.Current.Count >= _capacity)
            {
                generations = new Generations(new(), generations.Current, now + _halfWindow);
            }

            Volatile.Write(ref _generations, generations);
            return generations;
        }
    }

    private readonly record struct Key(string ConversationId, string ActivityId);

    private sealed record Generations(ConcurrentDictionary<Key, Entry> Current, ConcurrentDictionary<Key, Entry> Previous, DateTimeOffset RotateAt);

    /// <summary>
    /// One activity: done or not, and its invoke response. A completion source exists only while a repeat waits for a
    /// turn still running (rare), so a finished entry costs a few dozen bytes.
    /// </summary>
    private sealed class Entry
    {
        private readonly Lock _lock = new();
        private bool _done;
        private InvokeResponse? _result;
        private Exception? _failure;
        private TaskCompletionSource<InvokeResponse?>? _waiters;

        public Task<InvokeResponse?> ResultAsync()
        {
            lock (_lock)
            {
                if (_done)
                {
                    return _failure is null ? Task.FromResult(_result) : Task.FromException<InvokeResponse?>(_failure);
                }

                _waiters ??= new TaskCompletionSource<InvokeResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
                return _waiters.Task;
            }
        }

        public void Complete(InvokeResponse? result)
        {
            TaskCompletionSource<InvokeResponse?>? waiters;
            lock (_lock)
            {
                (_done, _result, waiters, _waiters) = (true, result, _waiters, null);
            }

            waiters?.SetResult(result);
        }

        public void Fail(Exception exception)
        {
            TaskCompletionSource<InvokeResponse?>? waiters;
            lock (_lock)
            {
                (_done, _failure, waiters, _waiters) = (true, exception, _waiters, null);
            }

            waiters?.SetException(exception);
        }
    }
}

/// <summary>The result of a turn, and whether this delivery was a repeat that did not run it again.</summary>
internal readonly record struct DeduplicatedResult(InvokeResponse? Response, bool IsRepeat);

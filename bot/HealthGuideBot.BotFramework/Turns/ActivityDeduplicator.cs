using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
/// <para>
/// Memory stays bounded and small: entries live in two generations that rotate every half window, so a finished
/// activity is remembered for between one half and one whole <see cref="BotFrameworkOptions.DeduplicationWindow"/>.
/// Under a flood the current generation also rotates when it holds
/// <see cref="BotFrameworkOptions.DeduplicationCapacity"/> / 2 entries, which shortens the window rather than growing
/// without limit.
/// </para>
/// <para>
/// An entry is 16 bytes of key and one reference. The key is the <see cref="IdentityKey"/> of the two ids, not the id
/// strings: Teams conversation ids run to a hundred characters and more, and holding them (with an entry
/// object per activity) for two minutes kept tens of megabytes alive at a few thousand activities a second, all of it
/// promoted to the oldest GC generation before it died (issue 2: the protocol path's peak RSS). A finished message
/// shares one completed entry; only an invoke keeps its own, for its response. Rotation clears and reuses the older
/// dictionary, so steady traffic allocates nothing here.
/// </para>
/// </remarks>
internal sealed class ActivityDeduplicator
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _halfWindow;
    private readonly int _capacity;
    private readonly Lock _lock = new();
    private Dictionary<UInt128, Entry> _current = [];
    private Dictionary<UInt128, Entry> _previous = [];
    private DateTimeOffset _rotateAt;

    public ActivityDeduplicator(TimeProvider time, IOptions<BotFrameworkOptions> options)
    {
        _time = time;
        _halfWindow = options.Value.DeduplicationWindow / 2;
        _capacity = Math.Max(1, options.Value.DeduplicationCapacity / 2);
        _rotateAt = _time.GetUtcNow() + _halfWindow;
    }

    /// <summary>Runs <paramref name="turn"/> unless this activity already ran (or is running); returns its result.</summary>
    public async Task<DeduplicatedResult> RunOnceAsync(Activity activity, Func<Task<InvokeResponse?>> turn)
    {
        if (activity.Id is not { Length: > 0 } activityId || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return new DeduplicatedResult(await turn(), IsRepeat: false);
        }

        var key = IdentityKey.Of(conversationId, activityId);
        Entry? earlier;
        var mine = new Entry();
        lock (_lock)
        {
            RotateIfDue();
            if (!_previous.TryGetValue(key, out earlier) && !_current.TryGetValue(key, out earlier))
            {
                _current.Add(key, mine);
            }
        }

        if (earlier is not null)
        {
            return new DeduplicatedResult(await earlier.ResultAsync(), IsRepeat: true);
        }

        try
        {
            var result = await turn();
            var remembered = activity.Type == ActivityTypes.Invoke ? result : null;
            mine.Complete(remembered);
            if (remembered is null)
            {
                Settle(key, mine, Entry.Done);
            }

            return new DeduplicatedResult(result, IsRepeat: false);
        }
        catch (Exception exception)
        {
            Settle(key, mine, replacement: null);
            mine.Fail(exception);
            throw;
        }
    }

    /// <summary>How many activities are remembered now (for tests and diagnostics).</summary>
    internal int Count
    {
        get
        {
            lock (_lock)
            {
                RotateIfDue();
                return _current.Count + _previous.Count;
            }
        }
    }

    /// <summary>Rotates the generations when half the window has passed or the current one is full. Holds <see cref="_lock"/>.</summary>
    private void RotateIfDue()
    {
        var now = _time.GetUtcNow();
        if (now >= _rotateAt + _halfWindow)
        {
            // Both generations are older than the window: start afresh.
            _current.Clear();
            _previous.Clear();
            _rotateAt = now + _halfWindow;
        }
        else if (now >= _rotateAt || _current.Count >= _capacity)
        {
            // The older generation's storage is reused for the new one: Clear keeps its capacity.
            (_previous, _current) = (_current, _previous);
            _current.Clear();
            _rotateAt = now + _halfWindow;
        }
    }

    /// <summary>
    /// Replaces this turn's own entry with <paramref name="replacement"/>, or removes it when that is null; an entry
    /// already rotated out, or replaced by a later delivery after a failure, is left alone.
    /// </summary>
    private void Settle(UInt128 key, Entry mine, Entry? replacement)
    {
        lock (_lock)
        {
            foreach (var generation in (ReadOnlySpan<Dictionary<UInt128, Entry>>)[_current, _previous])
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(generation, key);
                if (!Unsafe.IsNullRef(ref slot) && ReferenceEquals(slot, mine))
                {
                    if (replacement is null)
                    {
                        generation.Remove(key);
                    }
                    else
                    {
                        slot = replacement;
                    }

                    return;
                }
            }
        }
    }

    /// <summary>
    /// One activity: done or not, and its invoke response. A completion source exists only while a repeat waits for a
    /// turn still running (rare). Finished messages all share <see cref="Done"/>.
    /// </summary>
    private sealed class Entry
    {
        /// <summary>A finished activity with nothing to remember but that it ran.</summary>
        public static readonly Entry Done = CreateDone();

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

        private static Entry CreateDone()
        {
            var done = new Entry();
            done.Complete(null);
            return done;
        }
    }
}

/// <summary>The result of a turn, and whether this delivery was a repeat that did not run it again.</summary>
internal readonly record struct DeduplicatedResult(InvokeResponse? Response, bool IsRepeat);

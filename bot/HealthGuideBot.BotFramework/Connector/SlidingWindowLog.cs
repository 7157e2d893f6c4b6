namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// An exact sliding-window limiter for one key (a conversation, or the whole app): the send times granted so far,
/// oldest first, in <see cref="TimeProvider"/> timestamp units. Not thread-safe: the owner locks around it.
/// </summary>
/// <remarks>
/// A send is <em>reserved</em> at the earliest time that keeps every rule true — for a rule (n, w) that is no earlier
/// than the n-th most recent reservation plus w — and that is no earlier than the last reservation, so sends leave in
/// the order they asked (FIFO). Unlike a token bucket of capacity n, this never lets 2n through in a window of w.
/// Entries older than the longest window are dropped; memory is proportional to the sends in that window.
/// </remarks>
internal sealed class SlidingWindowLog
{
    private readonly long[] _windowTicks;
    private readonly int[] _limits;
    private readonly long _longestWindowTicks;
    private long[] _ring;
    private int _head;
    private int _count;

    public SlidingWindowLog(IReadOnlyList<SlidingWindowRule> rules, long timestampFrequency)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _windowTicks = new long[rules.Count];
        _limits = new int[rules.Count];
        int largestLimit = 1;
        for (int i = 0; i < rules.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rules[i].PermitLimit, 1, nameof(rules));
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(rules[i].Window, TimeSpan.Zero, nameof(rules));
            _limits[i] = rules[i].PermitLimit;
            _windowTicks[i] = (long)(rules[i].Window.TotalSeconds * timestampFrequency);
            _longestWindowTicks = Math.Max(_longestWindowTicks, _windowTicks[i]);
            largestLimit = Math.Max(largestLimit, rules[i].PermitLimit);
        }

        _ring = new long[Math.Min(largestLimit, 8)];
    }

    /// <summary>The number of reservations still remembered (for tests and eviction).</summary>
    public int Count => _count;

    /// <summary>The most recent reservation, or <see langword="null"/> when none is remembered.</summary>
    public long? Last => _count == 0 ? null : At(_count - 1);

    /// <summary>The earliest time at or after <paramref name="now"/> at which one more send keeps every rule.</summary>
    public long EarliestPermitted(long now)
    {
        Prune(now);
        long earliest = now;
        if (_count > 0)
        {
            earliest = Math.Max(earliest, At(_count - 1));
        }

        for (int i = 0; i < _limits.Length; i++)
        {
            int limit = _limits[i];
            if (_count >= limit)
            {
                // The limit-th most recent send must have left the window before another may go.
                earliest = Math.Max(earliest, At(_count - limit) + _windowTicks[i]);
            }
        }

        return earliest;
    }

    /// <summary>The remembered reservations, oldest first (diagnostics and tests).</summary>
    public long[] ToArray()
    {
        var copy = new long[_count];
        for (int i = 0; i < _count; i++)
        {
            copy[i] = At(i);
        }

        return copy;
    }

    /// <summary>Records a send at <paramref name="at"/>, which must be no earlier than <see cref="Last"/>.</summary>
    public void Record(long at)
    {
        if (_count == _ring.Length)
        {
            Grow();
        }

        _ring[(_head + _count) % _ring.Length] = at;
        _count++;
    }

    /// <summary>
    /// Forgets a reservation that was not used (its sender was cancelled). Removing an entry only lowers the counts
    /// the later reservations were computed against, so they stay valid.
    /// </summary>
    public void Remove(long at)
    {
        for (int i = _count - 1; i >= 0; i--)
        {
            if (At(i) == at)
            {
                for (int j = i; j < _count - 1; j++)
                {
                    _ring[(_head + j) % _ring.Length] = At(j + 1);
                }

                _count--;
                return;
            }

            if (At(i) < at)
            {
                return;
            }
        }
    }

    /// <summary>True when nothing is remembered that could still limit a send at <paramref name="now"/>.</summary>
    public bool IsIdle(long now)
    {
        Prune(now);
        return _count == 0;
    }

    private long At(int index) => _ring[(_head + index) % _ring.Length];

    private void Prune(long now)
    {
        long horizon = now - _longestWindowTicks;
        while (_count > 0 && _ring[_head] <= horizon)
        {
            _head = (_head + 1) % _ring.Length;
            _count--;
        }
    }

    private void Grow()
    {
        var bigger = new long[_ring.Length * 2];
        for (int i = 0; i < _count; i++)
        {
            bigger[i] = At(i);
        }

        _ring = bigger;
        _head = 0;
    }
}

namespace HealthGuideBot.Infrastructure.Answering;

/// <summary>Whether a generated answer may be requested now.</summary>
internal enum BudgetDecision
{
    Granted,
    UserBudgetExhausted,
    GlobalBudgetExhausted,
}

/// <summary>
/// Consumption limits: one token bucket per requester and one for the whole bot, refilled continuously on
/// <see cref="TimeProvider"/>. A request takes a token from both or from neither. Thread-safe.
/// </summary>
internal sealed class AnswerRequestBudget
{
    /// <summary>When this many requesters are tracked, the ones whose buckets have refilled are forgotten.</summary>
    private const int PruneThreshold = 10_000;

    /// <summary>The bucket for callers that gave no requester key: they share one per-user budget.</summary>
    private const string UnknownRequester = "";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _users = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly int _userCapacity;
    private readonly TimeSpan _userPeriod;
    private readonly Bucket _global;
    private readonly int _globalCapacity;
    private readonly TimeSpan _globalPeriod;

    public AnswerRequestBudget(GeneratedAnswersOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _userCapacity = options.UserRequests;
        _userPeriod = options.UserPeriod;
        _globalCapacity = options.GlobalRequests;
        _globalPeriod = options.GlobalPeriod;
        _global = new Bucket(_globalCapacity, time.GetUtcNow());
    }

    public BudgetDecision TryAcquire(string? requesterKey)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var key = requesterKey ?? UnknownRequester;
            if (!_users.TryGetValue(key, out var user))
            {
                if (_users.Count >= PruneThreshold)
                {
                    Prune(now);
                }

                user = new Bucket(_userCapacity, now);
                _users[key] = user;
            }

            user.Refill(now, _userCapacity, _userPeriod);
            _global.Refill(now, _globalCapacity, _globalPeriod);
            if (user.Tokens < 1)
            {
                return BudgetDecision.UserBudgetExhausted;
            }

            if (_global.Tokens < 1)
            {
                return BudgetDecision.GlobalBudgetExhausted;
            }

            user.Tokens--;
            _global.Tokens--;
            return BudgetDecision.Granted;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, bucket) in _users.ToArray())
        {
            bucket.Refill(now, _userCapacity, _userPeriod);
            if (bucket.Tokens >= _userCapacity)
            {
                _users.Remove(key);
            }
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset refilledAt)
    {
        public double Tokens { get; set; } = tokens;

        public void Refill(DateTimeOffset now, int capacity, TimeSpan period)
        {
            var elapsed = now - refilledAt;
            if (elapsed > TimeSpan.Zero)
            {
                Tokens = Math.Min(capacity, Tokens + (capacity * elapsed.TotalSeconds / period.TotalSeconds));
                refilledAt = now;
            }
        }
    }
}

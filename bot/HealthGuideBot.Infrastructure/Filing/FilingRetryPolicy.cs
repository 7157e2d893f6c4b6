using HealthGuideBot.Core.Filing;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Infrastructure.Filing;

/// <summary>
/// When to try a transiently failed item again. A server's <c>Retry-After</c> decides when it gave one, however long
/// (bounded only by <see cref="FilingDispatchOptions.MaxRetryAfter"/>): the Graph SDK's own retry handler, which caps
/// waits at 180 s and loses its state on restart, is removed from the pipeline so this durable policy is the only one.
/// Otherwise exponential back-off with equal jitter, per target.
/// </summary>
internal sealed class FilingRetryPolicy
{
    private readonly FilingDispatchOptions _options;
    private readonly IFilingJitter _jitter;

    public FilingRetryPolicy(IOptions<FilingOptions> options, IFilingJitter jitter)
    {
        _options = options.Value.Dispatch;
        _jitter = jitter;
    }

    /// <param name="attempt">1 after the first failed attempt.</param>
    public TimeSpan DelayAfter(FilingTarget target, int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is TimeSpan serverSaid)
        {
            if (serverSaid < TimeSpan.Zero)
            {
                return TimeSpan.Zero;
            }

            return serverSaid > _options.MaxRetryAfter ? _options.MaxRetryAfter : serverSaid;
        }

        var backoff = _options.For(target);
        double exponential = backoff.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(Math.Max(attempt, 1) - 1, 30));
        double capped = Math.Min(exponential, backoff.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (_jitter.Next() * capped / 2));
    }
}

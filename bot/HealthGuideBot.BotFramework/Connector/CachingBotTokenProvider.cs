using Microsoft.Extensions.Logging;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// Caches the bot's token and refreshes it about five minutes before it expires (security.md test 47).
/// </summary>
/// <remarks>
/// <para>The hot path is one volatile read and a clock read. One caller at a time refreshes (a semaphore); while a
/// refresh is under way, callers holding a still-valid token keep using it rather than queueing behind it, so 100
/// concurrent sends cause one token request.</para>
/// <para>Throttled or unavailable identity endpoints (429, 5xx, <c>temporarily_unavailable</c>) are retried a bounded
/// number of times with Retry-After or back-off and jitter (S11, S13); if a still-valid token is held it is used
/// meanwhile. Otherwise the caller gets a <see cref="BotTokenException"/> saying what to check.</para>
/// </remarks>
internal sealed partial class CachingBotTokenProvider : IBotTokenProvider, IDisposable
{
    internal const int MaxAttempts = 4;
    internal static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);
    internal static readonly TimeSpan MinimumRemainingLifetime = TimeSpan.FromMinutes(1);
    internal static readonly TimeSpan BaseRetryDelay = TimeSpan.FromSeconds(1);
    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);
    internal static readonly TimeSpan MaxTotalRetryDelay = TimeSpan.FromSeconds(30);

    private readonly IBotTokenSource _source;
    private readonly TimeProvider _time;
    private readonly IRetryJitter _jitter;
    private readonly ILogger<CachingBotTokenProvider> _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile CachedToken? _current;

    public CachingBotTokenProvider(IBotTokenSource source, TimeProvider time, IRetryJitter jitter, ILogger<CachingBotTokenProvider> logger)
    {
        _source = source;
        _time = time;
        _jitter = jitter;
        _logger = logger;
    }

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        CachedToken? current = _current;
        return current is not null && _time.GetUtcNow() < current.RefreshAt
            ? ValueTask.FromResult(current.Token.Value)
            : RefreshAsync(rejectedToken: null, cancellationToken);
    }

    public ValueTask<string> RefreshAfterRejectionAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(rejectedToken);
        return RefreshAsync(rejectedToken, cancellationToken);
    }

    public void Dispose() => _refresh.Dispose();

    private async ValueTask<string> RefreshAsync(string? rejectedToken, CancellationToken cancellationToken)
    {
        CachedToken? usable = rejectedToken is null ? Usable(_current) : null;
        if (usable is not null)
        {
            // Someone is already refreshing: keep using the valid token rather than waiting.
            if (!await _refresh.WaitAsync(0, cancellationToken))
            {
                return usable.Token.Value;
            }
        }
        else
        {
            await _refresh.WaitAsync(cancellationToken);
        }

        try
        {
            CachedToken? current = _current;
            bool replacedSinceRejection = rejectedToken is not null && current is not null
                && !string.Equals(current.Token.Value, rejectedToken, StringComparison.Ordinal);
            if (current is not null && (replacedSinceRejection || (rejectedToken is null && _time.GetUtcNow() < current.RefreshAt)))
            {
                return current.Token.Value;
            }

            try
            {
                BotToken token = await RequestWithRetriesAsync(cancellationToken);
                DateTimeOffset now = _time.GetUtcNow();
                _current = new CachedToken(token, RefreshTime(token, now));
                Log.TokenAcquired(_logger, token.ExpiresOn);
                return token.Value;
            }
            catch (BotTokenException ex) when (ex.IsTransient && rejectedToken is null && Usable(current) is CachedToken stillValid)
            {
                Log.RefreshFailedUsingCachedToken(_logger, ex.ErrorCode, stillValid.Token.ExpiresOn);
                return stillValid.Token.Value;
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<BotToken> RequestWithRetriesAsync(CancellationToken cancellationToken)
    {
        TimeSpan waited = TimeSpan.Zero;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await _source.RequestTokenAsync(cancellationToken);
            }
            catch (BotTokenException ex) when (ex.IsTransient)
            {
                TimeSpan delay = ex.RetryAfter ?? Backoff.Delay(attempt, BaseRetryDelay, MaxRetryDelay, _jitter);
                if (attempt >= MaxAttempts || delay > MaxRetryDelay || waited + delay > MaxTotalRetryDelay)
                {
                    Log.TokenRequestGaveUp(_logger, attempt, ex.ErrorCode);
                    throw new BotTokenException(
                        $"{ex.Message} Gave up after {attempt} attempt(s).", isTransient: true, ex.ErrorCode, ex)
                    {
                        RetryAfter = ex.RetryAfter,
                    };
                }

                Log.TokenRequestRetrying(_logger, attempt, ex.ErrorCode, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, _time, cancellationToken);
                waited += delay;
            }
            catch (BotTokenException ex)
            {
                Log.TokenRequestRefused(_logger, ex.ErrorCode);
                throw;
            }
        }
    }

    private CachedToken? Usable(CachedToken? token) =>
        token is not null && _time.GetUtcNow() < token.Token.ExpiresOn - MinimumRemainingLifetime ? token : null;

    /// <summary>Five minutes before expiry, or half-way through a lifetime shorter than ten minutes.</summary>
    private static DateTimeOffset RefreshTime(BotToken token, DateTimeOffset now)
    {
        TimeSpan lifetime = token.ExpiresOn - now;
        DateTimeOffset early = token.ExpiresOn - RefreshBeforeExpiry;
        DateTimeOffset halfway = now + (lifetime / 2);
        return early > halfway ? early : halfway;
    }

    private sealed record CachedToken(BotToken Token, DateTimeOffset RefreshAt);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1220, Level = LogLevel.Debug, Message = "Bot Connector token acquired; expires {ExpiresOn:O}")]
        public static partial void TokenAcquired(ILogger logger, DateTimeOffset expiresOn);

        [LoggerMessage(EventId = 1221, Level = LogLevel.Warning, Message = "Token request attempt {Attempt} failed transiently ({ErrorCode}); retrying in {DelayMs} ms")]
        public static partial void TokenRequestRetrying(ILogger logger, int attempt, string? errorCode, long delayMs);

        [LoggerMessage(EventId = 1222, Level = LogLevel.Error, Message = "Token request gave up after {Attempt} attempt(s) ({ErrorCode})")]
        public static partial void TokenRequestGaveUp(ILogger logger, int attempt, string? errorCode);

        [LoggerMessage(EventId = 1223, Level = LogLevel.Error, Message = "The identity endpoint refused the bot's token request ({ErrorCode}); check the bot's credentials")]
        public static partial void TokenRequestRefused(ILogger logger, string? errorCode);

        [LoggerMessage(EventId = 1224, Level = LogLevel.Warning, Message = "Token refresh failed ({ErrorCode}); using the cached token, which expires {ExpiresOn:O}")]
        public static partial void RefreshFailedUsingCachedToken(ILogger logger, string? errorCode, DateTimeOffset expiresOn);
    }
}

using System.Net.Http.Headers;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>Reads a <c>Retry-After</c> header, in seconds or as an HTTP date, against the injected clock.</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseMessage response, TimeProvider time)
    {
        RetryConditionHeaderValue? header = response.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is DateTimeOffset date)
        {
            TimeSpan wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}

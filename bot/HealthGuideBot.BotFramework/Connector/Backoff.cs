namespace HealthGuideBot.BotFramework.Connector;

/// <summary>Exponential back-off with "equal jitter": half the exponential delay, plus a random part of the other half.</summary>
internal static class Backoff
{
    /// <param name="retry">1 for the first retry.</param>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan maxDelay, IRetryJitter jitter)
    {
        double exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        double capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (jitter.Next() * capped / 2));
    }
}

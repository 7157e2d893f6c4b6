using HealthGuideBot.BotFramework.Connector;

namespace HealthGuideBot.BotFramework.Tests.Connector;

/// <summary>Jitter that always returns the same value, so back-off delays are exact in tests.</summary>
internal sealed class FixedJitter(double value) : IRetryJitter
{
    public double Next() => value;
}

using System.Security.Cryptography;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// Thread-safe jitter without shared mutable state. Only used on the retry path, so the cost of the system random
/// source does not matter.
/// </summary>
internal sealed class CryptoRetryJitter : IRetryJitter
{
    private const int Resolution = 1 << 24;

    public double Next() => RandomNumberGenerator.GetInt32(Resolution) / (double)Resolution;
}

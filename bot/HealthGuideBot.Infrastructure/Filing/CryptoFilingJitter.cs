using System.Security.Cryptography;

namespace HealthGuideBot.Infrastructure.Filing;

/// <summary>Thread-safe jitter with no shared mutable state; only used on the retry path.</summary>
internal sealed class CryptoFilingJitter : IFilingJitter
{
    private const int Resolution = 1 << 24;

    public double Next() => RandomNumberGenerator.GetInt32(Resolution) / (double)Resolution;
}

using HealthGuideBot.Infrastructure.Filing;

namespace HealthGuideBot.Infrastructure.Tests.Filing;

internal sealed class FixedFilingJitter(double value) : IFilingJitter
{
    public double Next() => value;
}

namespace HealthGuideBot.Infrastructure.Filing;

/// <summary>Randomness for the outbox back-off, injected so tests are repeatable.</summary>
internal interface IFilingJitter
{
    /// <summary>A value in [0, 1).</summary>
    double Next();
}

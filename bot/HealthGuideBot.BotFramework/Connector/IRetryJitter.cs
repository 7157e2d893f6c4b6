namespace HealthGuideBot.BotFramework.Connector;

/// <summary>Randomness for back-off jitter, injected so tests are repeatable.</summary>
internal interface IRetryJitter
{
    /// <summary>A value in [0, 1).</summary>
    double Next();
}

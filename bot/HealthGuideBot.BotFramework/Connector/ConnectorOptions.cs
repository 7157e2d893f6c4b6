namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// Settings of the outbound connector client: rate limits (performance.md, security.md §2), retries and the
/// message size limit. Bind from <see cref="SectionName"/>; the defaults are the conservative documented values.
/// </summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "HealthGuideBot:Connector";

    /// <summary>
    /// Sends per second for the whole app (Teams: 30 RPS in the older documentation, 50 in the current one).
    /// 0 turns the app-wide limit off: only for the loopback load tool, never in production.
    /// The per-conversation limits (7/1 s, 8/2 s, 60/30 s, 1,800/h) always apply.
    /// </summary>
    public int TenantSendsPerSecond { get; set; } = 30;

    /// <summary>The most HTTP attempts for one call, the first included.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The most time one call may spend waiting between retries; a longer Retry-After gives up at once.</summary>
    public TimeSpan MaxTotalRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first back-off delay when the connector gives no Retry-After; doubled on each retry.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest single back-off delay.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The largest serialized activity sent, in bytes. Teams answers 413 <c>MessageSizeTooBig</c> above about 40 KB;
    /// larger activities are refused before sending so the bot layer splits them.
    /// </summary>
    public int MaxActivityBytes { get; set; } = 40 * 1024;

    /// <summary>Timeout of one HTTP attempt to the connector.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>At most <see cref="PermitLimit"/> sends in any window of length <see cref="Window"/>.</summary>
internal readonly record struct SlidingWindowRule(int PermitLimit, TimeSpan Window);

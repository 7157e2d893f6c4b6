namespace HealthGuideBot.Core.Filing;

/// <summary>The state of one outbox item.</summary>
public sealed record FilingStatus(string Key, FilingTarget Target, FilingState State, string? Link, int Attempts, DateTimeOffset? NextAttemptAt);

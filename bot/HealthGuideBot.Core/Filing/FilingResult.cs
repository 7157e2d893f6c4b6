namespace HealthGuideBot.Core.Filing;

/// <summary>What one filing attempt achieved.</summary>
public abstract record FilingResult
{
    private FilingResult()
    {
    }

    /// <summary>Filed (or found already filed on reconciliation). <see cref="Link"/> is where staff can open it.</summary>
    public sealed record Filed(string? Link) : FilingResult;

    /// <summary>A transient failure: try again, not before <see cref="RetryAfter"/> when the service said so.</summary>
    public sealed record Transient(string Reason, TimeSpan? RetryAfter) : FilingResult;

    /// <summary>Cannot succeed until an administrator acts (for example 403: the site grant is missing). Parked, and alerted.</summary>
    public sealed record NeedsAdministrator(string Reason) : FilingResult;
}

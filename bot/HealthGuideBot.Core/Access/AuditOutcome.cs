namespace HealthGuideBot.Core.Access;

/// <summary>How an audited action ended.</summary>
public enum AuditOutcome
{
    /// <summary>The access check passed and the action was done.</summary>
    Allowed,

    /// <summary>The access check refused the action (security.md 74: a failed authorisation is logged).</summary>
    Denied,

    /// <summary>The action was allowed but did not complete.</summary>
    Failed,
}

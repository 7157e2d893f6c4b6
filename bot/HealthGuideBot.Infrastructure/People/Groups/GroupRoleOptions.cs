using HealthGuideBot.Infrastructure.Filing.Graph;

namespace HealthGuideBot.Infrastructure.People.Groups;

/// <summary>
/// Roles from Entra security groups (section <c>HealthGuideBot:Roles</c>). When <see cref="Groups"/> or
/// <see cref="ClassGroups"/> lists a group, staff roles and classes come from group membership, read through Microsoft
/// Graph (<c>GroupMember.Read.All</c>, application), and the roster file supplies pupils only.
/// </summary>
internal sealed class GroupRoleOptions
{
    public const string Section = "HealthGuideBot:Roles";

    /// <summary>
    /// Group object id → role, or several roles separated by commas, for example
    /// <c>"3f2c…": "Nurse"</c>, <c>"9a1e…": "Senco, Dsl"</c>. Membership is transitive (nested groups count).
    /// </summary>
    public Dictionary<string, string> Groups { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Group object id → class name, for example <c>"77b0…": "5B"</c>: members teach that class (and so hold the
    /// Teacher role), which entitles them to the emergency summaries of its pupils.
    /// </summary>
    public Dictionary<string, string> ClassGroups { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often membership is read again: a leaver loses access within this time (security.md 76).</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long the last good membership is trusted while Graph cannot be read. After that nobody holds a role
    /// (fail closed) until a sync succeeds: an outage must not keep a leaver's access for ever.
    /// </summary>
    public TimeSpan MaxStaleness { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Where Graph is and how to sign in (normally the same app registration as filing).</summary>
    public GraphConnectionOptions Graph { get; set; } = new();

    /// <summary>True when any group is mapped, so roles come from Entra rather than the roster file.</summary>
    public bool Enabled => Groups.Count > 0 || ClassGroups.Count > 0;
}

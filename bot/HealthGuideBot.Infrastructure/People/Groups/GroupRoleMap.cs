using System.Collections.Frozen;
using HealthGuideBot.Core.Access;

namespace HealthGuideBot.Infrastructure.People.Groups;

/// <summary>The validated mapping of groups to roles and classes, parsed once from <see cref="GroupRoleOptions"/>.</summary>
internal sealed class GroupRoleMap
{
    private GroupRoleMap(FrozenDictionary<string, FrozenSet<StaffRole>> roleGroups, FrozenDictionary<string, string> classGroups)
    {
        RoleGroups = roleGroups;
        ClassGroups = classGroups;
        AllGroupIds = [.. roleGroups.Keys.Concat(classGroups.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Group id → the roles its members hold.</summary>
    public FrozenDictionary<string, FrozenSet<StaffRole>> RoleGroups { get; }

    /// <summary>Group id → the class its members teach.</summary>
    public FrozenDictionary<string, string> ClassGroups { get; }

    /// <summary>Every group to read, each once, in a stable order.</summary>
    public IReadOnlyList<string> AllGroupIds { get; }

    /// <exception cref="ArgumentException">A role name is unknown (the options validator reports it first at start-up).</exception>
    public static GroupRoleMap From(GroupRoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var roleGroups = new Dictionary<string, FrozenSet<StaffRole>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (groupId, text) in options.Groups)
        {
            if (!TryParseRoles(text, out var roles, out var unknown))
            {
                throw new ArgumentException($"{GroupRoleOptions.Section}:Groups:{groupId}: '{unknown}' is not a role.", nameof(options));
            }

            roleGroups[groupId.Trim()] = roles;
        }

        var classGroups = options.ClassGroups.ToFrozenDictionary(g => g.Key.Trim(), g => g.Value.Trim(), StringComparer.OrdinalIgnoreCase);
        return new GroupRoleMap(roleGroups.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), classGroups);
    }

    /// <summary>Parses "Nurse" or "Senco, Dsl" (case-insensitive); false with the first unknown name otherwise.</summary>
    public static bool TryParseRoles(string? text, out FrozenSet<StaffRole> roles, out string? unknown)
    {
        var parsed = new HashSet<StaffRole>();
        unknown = null;
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Enum.TryParse<StaffRole>(part, ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(part, out _))
            {
                parsed.Add(role);
            }
            else
            {
                unknown = part;
                break;
            }
        }

        if (unknown is null && parsed.Count == 0)
        {
            unknown = text ?? string.Empty;
        }

        roles = parsed.ToFrozenSet();
        return unknown is null;
    }
}

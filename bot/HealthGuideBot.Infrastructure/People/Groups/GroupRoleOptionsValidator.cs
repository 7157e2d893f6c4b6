using HealthGuideBot.Core.Access;
using HealthGuideBot.Infrastructure.Filing.Graph;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Infrastructure.People.Groups;

/// <summary>Checks the group-role settings at start-up and names every problem with the setting to fix.</summary>
internal sealed class GroupRoleOptionsValidator : IValidateOptions<GroupRoleOptions>
{
    public ValidateOptionsResult Validate(string? name, GroupRoleOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        foreach (var (groupId, roles) in options.Groups)
        {
            RequireGroupId(groupId, "Groups", errors);
            if (!GroupRoleMap.TryParseRoles(roles, out _, out var unknown))
            {
                errors.Add($"{GroupRoleOptions.Section}:Groups:{groupId}: '{unknown}' is not a role (known: {string.Join(", ", Enum.GetNames<StaffRole>())}).");
            }
        }

        foreach (var (groupId, className) in options.ClassGroups)
        {
            RequireGroupId(groupId, "ClassGroups", errors);
            if (string.IsNullOrWhiteSpace(className))
            {
                errors.Add($"{GroupRoleOptions.Section}:ClassGroups:{groupId} must name a class, as the roster's pupils use it (for example 5B).");
            }
        }

        if (options.SyncInterval < TimeSpan.FromMinutes(1) || options.SyncInterval > TimeSpan.FromHours(24))
        {
            errors.Add($"{GroupRoleOptions.Section}:SyncInterval must be between 00:01:00 and 1.00:00:00 (default 00:15:00).");
        }

        if (options.MaxStaleness < 2 * options.SyncInterval)
        {
            errors.Add($"{GroupRoleOptions.Section}:MaxStaleness must be at least twice SyncInterval, so one failed sync does not lock everyone out (default 02:00:00).");
        }

        GraphConnectionValidation.Validate(options.Graph, GroupRoleOptions.Section + ":Graph", "when roles come from Entra groups", errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequireGroupId(string groupId, string setting, List<string> errors)
    {
        if (!Guid.TryParse(groupId, out _))
        {
            errors.Add($"{GroupRoleOptions.Section}:{setting}: '{groupId}' is not a group object id (a GUID, from Entra admin centre > Groups > the group > Object ID).");
        }
    }
}

using HealthGuideBot.Infrastructure.Filing.Graph;
using HealthGuideBot.Infrastructure.People.Groups;

namespace HealthGuideBot.Infrastructure.Tests.People.Groups;

public sealed class GroupRoleOptionsValidatorTests
{
    private const string Group = "6f0c2d8e-0000-4000-8000-000000000001";

    [Fact]
    public void NoGroups_IsValid_AndLeavesRolesToTheRoster()
    {
        var options = new GroupRoleOptions();

        Assert.False(options.Enabled);
        Assert.True(new GroupRoleOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void AManagedIdentityAndMappedGroups_AreValid()
    {
        var options = Valid();

        Assert.True(new GroupRoleOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void EveryProblem_IsNamedWithTheSettingToFix()
    {
        var options = new GroupRoleOptions
        {
            Groups = new() { ["nurses"] = "Nurse", [Group] = "Nurse, Matron" },
            ClassGroups = new() { ["6f0c2d8e-0000-4000-8000-000000000005"] = " " },
            SyncInterval = TimeSpan.FromSeconds(20),
            MaxStaleness = TimeSpan.FromSeconds(30),
            Graph = new GraphConnectionOptions { Credential = GraphCredentialKind.ClientSecret, TenantId = "t" },
        };

        var result = new GroupRoleOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("HealthGuideBot:Roles:Groups: 'nurses' is not a group object id", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains($"HealthGuideBot:Roles:Groups:{Group}: 'Matron' is not a role", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ClassGroups:6f0c2d8e-0000-4000-8000-000000000005 must name a class", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("HealthGuideBot:Roles:SyncInterval", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("HealthGuideBot:Roles:MaxStaleness", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("HealthGuideBot:Roles:Graph:ClientId is required when roles come from Entra groups", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("HealthGuideBot:Roles:Graph:ClientSecret is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Nurse", true)]
    [InlineData("senco, DSL", true)]
    [InlineData("Teacher,Office,Admin", true)]
    [InlineData("", false)]
    [InlineData("1", false)] // a number names an enum value, not a role
    [InlineData("Nurse, Headteacher", false)]
    public void RolesText_ParsesKnownNamesOnly(string text, bool valid) =>
        Assert.Equal(valid, GroupRoleMap.TryParseRoles(text, out _, out _));

    private static GroupRoleOptions Valid() => new()
    {
        Groups = new() { [Group] = "Nurse" },
        Graph = new GraphConnectionOptions { Credential = GraphCredentialKind.ManagedIdentity },
    };
}

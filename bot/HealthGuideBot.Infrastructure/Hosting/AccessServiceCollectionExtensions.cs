using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Pupils;
using HealthGuideBot.Infrastructure.Filing.Graph;
using HealthGuideBot.Infrastructure.People;
using HealthGuideBot.Infrastructure.People.Groups;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Infrastructure.Hosting;

/// <summary>Registers who's who (staff roles, pupils), the access policy and the audited gate to pupil records.</summary>
public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="IStaffDirectory"/> and <see cref="IPupilDirectory"/> (unless others are registered first),
    /// <see cref="PupilAccessPolicy"/> and the scoped <see cref="PupilRecordGate"/>. Pupils come from the roster file
    /// (<c>HealthGuideBot:Roster:File</c>, relative to <paramref name="contentRoot"/>). Staff roles come from Entra
    /// groups when <c>HealthGuideBot:Roles</c> maps any (read through Graph and kept in sync by a hosted service),
    /// otherwise from the roster file.
    /// </summary>
    public static IServiceCollection AddHealthGuideAccess(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(RosterOptions.Section).Get<RosterOptions>() ?? new RosterOptions();
        var path = string.IsNullOrWhiteSpace(options.File) ? null : Resolve(options.File, contentRoot);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RosterDirectory(path, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RosterDirectory>>()));
        AddGroupRoles(services, configuration);
        services.TryAddSingleton<IStaffDirectory>(sp => sp.GetRequiredService<RosterDirectory>());
        services.TryAddSingleton<IPupilDirectory>(sp => sp.GetRequiredService<RosterDirectory>());
        services.TryAddSingleton<IAccessPolicy, PupilAccessPolicy>();
        services.TryAddScoped<PupilRecordGate>();
        return services;
    }

    private static void AddGroupRoles(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GroupRoleOptions.Section);
        services.AddOptions<GroupRoleOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GroupRoleOptions>, GroupRoleOptionsValidator>());
        if (section.Get<GroupRoleOptions>() is not { Enabled: true })
        {
            return;
        }

        services.TryAddSingleton<IGroupMembershipSource>(sp =>
        {
            var graph = sp.GetRequiredService<IOptions<GroupRoleOptions>>().Value.Graph;
            return new GraphGroupMembershipSource(GraphFilingClient.Create(graph.BaseUrl, GraphFilingClient.CreateCredential(graph)));
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GroupRoleOptions>>().Value;
            var roster = sp.GetRequiredService<RosterDirectory>();
            return new GroupMembershipDirectory(
                GroupRoleMap.From(options),
                sp.GetRequiredService<IGroupMembershipSource>(),
                roster.FindStaff,
                sp.GetRequiredService<TimeProvider>(),
                options.MaxStaleness,
                sp.GetRequiredService<ILogger<GroupMembershipDirectory>>());
        });
        services.TryAddSingleton<IStaffDirectory>(sp => sp.GetRequiredService<GroupMembershipDirectory>());
        services.AddHostedService(sp => new GroupRoleSync(
            sp.GetRequiredService<GroupMembershipDirectory>(),
            sp.GetRequiredService<IOptions<GroupRoleOptions>>().Value.SyncInterval,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<GroupRoleSync>>()));
    }

    /// <summary>A relative path is looked up under the content root, then beside the binaries (a published app).</summary>
    private static string Resolve(string file, string contentRoot)
    {
        var underContentRoot = Path.GetFullPath(file, contentRoot);
        if (Path.IsPathRooted(file) || File.Exists(underContentRoot))
        {
            return underContentRoot;
        }

        var besideBinaries = Path.GetFullPath(file, AppContext.BaseDirectory);
        return File.Exists(besideBinaries) ? besideBinaries : underContentRoot;
    }
}

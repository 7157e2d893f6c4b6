using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Pupils;
using HealthGuideBot.Infrastructure.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Infrastructure.Hosting;

/// <summary>Registers who's who (staff roles, pupils), the access policy and the audited gate to pupil records.</summary>
public static class AccessServiceCollectionExtensions
{
    /// <summary>
    /// Adds the roster-file <see cref="IStaffDirectory"/> and <see cref="IPupilDirectory"/> (unless others are
    /// registered first), <see cref="PupilAccessPolicy"/> and the scoped <see cref="PupilRecordGate"/>.
    /// <paramref name="contentRoot"/> anchors a relative <c>HealthGuideBot:Roster:File</c>.
    /// </summary>
    public static IServiceCollection AddHealthGuideAccess(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(RosterOptions.Section).Get<RosterOptions>() ?? new RosterOptions();
        var path = string.IsNullOrWhiteSpace(options.File) ? null : Resolve(options.File, contentRoot);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RosterDirectory(path, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RosterDirectory>>()));
        services.TryAddSingleton<IStaffDirectory>(sp => sp.GetRequiredService<RosterDirectory>());
        services.TryAddSingleton<IPupilDirectory>(sp => sp.GetRequiredService<RosterDirectory>());
        services.TryAddSingleton<IAccessPolicy, PupilAccessPolicy>();
        services.TryAddScoped<PupilRecordGate>();
        return services;
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

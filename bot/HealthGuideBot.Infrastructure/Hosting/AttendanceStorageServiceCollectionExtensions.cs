using HealthGuideBot.Core.Attendance;
using HealthGuideBot.Infrastructure.Attendance;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Infrastructure.Hosting;

/// <summary>Registers the attendance store on the bot's database (add <c>AddHealthGuideStorage</c> too).</summary>
public static class AttendanceStorageServiceCollectionExtensions
{
    /// <summary>Adds the scoped <see cref="IAttendanceStore"/>: tables <c>health_absences</c> and <c>attendance_prompts</c>.</summary>
    public static IServiceCollection AddAttendanceStore(this IServiceCollection services)
    {
        services.AddScoped<IAttendanceStore, EfAttendanceStore>();
        return services;
    }
}

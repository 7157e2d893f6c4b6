using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Attendance;
using HealthGuideBot.Core.Notifications;
using HealthGuideBot.Core.Pupils;
using HealthGuideBot.Host.Conversations.Attendance;
using HealthGuideBot.Infrastructure.Hosting;

namespace HealthGuideBot.Host.Hosting;

/// <summary>Health-related absence: the import feed, the SENCO prompt and its periodic check.</summary>
internal static class AttendanceServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AttendanceOptions"/> (section <c>HealthGuideBot:Attendance</c>, validated at start-up), the store,
    /// <see cref="IAttendanceFeed"/>, the prompt check, the card and the periodic check. Needs the bot's storage. The
    /// prompt check is live when an <see cref="IStaffNotifier"/>, <see cref="IStaffDirectory"/> and
    /// <see cref="IPupilDirectory"/> are registered; otherwise absence is imported and counted and prompts are off.
    /// </summary>
    public static IServiceCollection AddAttendance(this IServiceCollection services)
    {
        services.AddOptions<AttendanceOptions>()
            .BindConfiguration(AttendanceOptions.Section)
            .ValidateDataAnnotations()
            .Validate(HasValidTerms, "HealthGuideBot:Attendance:Terms: every term needs a start on or before its end, terms must not overlap, and ids must be unique.")
            .ValidateOnStart();
        services.AddAttendanceStore();
        services.AddSingleton<IPanelPromptCards, PanelPromptCards>();
        services.AddScoped<IAttendancePromptCheck>(sp =>
            sp.GetService<IStaffNotifier>() is not null && sp.GetService<IStaffDirectory>() is not null && sp.GetService<IPupilDirectory>() is not null
                ? ActivatorUtilities.CreateInstance<AttendancePrompter>(sp)
                : ActivatorUtilities.CreateInstance<AttendancePromptsOff>(sp));
        services.AddScoped<IAttendanceFeed, AttendanceImporter>();
        services.AddHostedService<AttendancePromptSweep>();
        return services;
    }

    private static bool HasValidTerms(AttendanceOptions options)
    {
        try
        {
            _ = TermCalendar.From(options);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

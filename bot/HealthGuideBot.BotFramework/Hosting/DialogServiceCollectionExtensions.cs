using HealthGuideBot.BotFramework.Dialogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthGuideBot.BotFramework.Hosting;

/// <summary>Registers dialogs. An <see cref="IDialogStateStore"/> must be registered too (the storage component does).</summary>
public static class DialogServiceCollectionExtensions
{
    /// <summary>Adds the scoped <see cref="DialogManager"/> and its options (section <see cref="DialogManagerOptions.Section"/>).</summary>
    public static IServiceCollection AddBotDialogs(this IServiceCollection services)
    {
        services.AddOptions<DialogManagerOptions>().BindConfiguration(DialogManagerOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<DialogManager>();
        return services;
    }

    /// <summary>Registers a dialog (scoped, so it may depend on scoped services).</summary>
    public static IServiceCollection AddDialog<TDialog>(this IServiceCollection services)
        where TDialog : Dialog
    {
        services.AddScoped<Dialog, TDialog>();
        return services;
    }
}

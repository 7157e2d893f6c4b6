using System.Runtime.CompilerServices;
using HealthGuideBot.Core.Filing;
using HealthGuideBot.Infrastructure.Filing;
using HealthGuideBot.Infrastructure.Filing.Graph;
using HealthGuideBot.Infrastructure.Filing.Local;
using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Infrastructure.Hosting;

/// <summary>Registers durable filing: the outbox dispatcher, the status reader and the configured filer.</summary>
public static class FilingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the filing outbox dispatcher (a hosted service), <see cref="IFilingStatusReader"/> and the
    /// <see cref="IRecordFiler"/> chosen by <c>HealthGuideBot:Filing:Mode</c>: <c>Local</c> (default, the folder
    /// <c>HealthGuideBot:Filing:LocalFolder</c>, default <c>data/filed</c> under the content root) or <c>Graph</c>.
    /// Settings are validated at start-up. Call after <c>AddHealthGuideStorage</c>. A filer registered before this
    /// call is kept (tests).
    /// </summary>
    public static IServiceCollection AddHealthGuideFiling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FilingOptions>().Bind(configuration.GetSection(FilingOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FilingOptions>, FilingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxSavedChangesInterceptor>();
        services.ConfigureDbContext<SqliteHealthGuideDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<OutboxSavedChangesInterceptor>()));
        services.TryAddScoped<IFilingStatusReader, EfFilingStatusReader>();

        services.TryAddSingleton<IFilingJitter, CryptoFilingJitter>();
        services.TryAddSingleton<FilingRetryPolicy>();
        services.TryAddSingleton<FilingParkedAlert>();
        services.TryAddSingleton<IRecordFiler>(CreateFiler);
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    private static IRecordFiler CreateFiler(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<FilingOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        if (options.Mode == FilingMode.Graph)
        {
            return CreateGraphFiler(options.Graph, time);
        }

        string contentRoot = services.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
        return new LocalFolderRecordFiler(Path.Combine(contentRoot, options.LocalFolder), time);
    }

    /// <summary>
    /// Kept out of <see cref="CreateFiler"/> and never inlined, so that compiling that method does not load Microsoft
    /// Graph, Kiota and Azure.Identity: a bot that files locally never maps them.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static GraphRecordFiler CreateGraphFiler(GraphFilingOptions options, TimeProvider time)
    {
        var graph = GraphFilingClient.Create(options.BaseUrl, GraphFilingClient.CreateCredential(options));
        return new GraphRecordFiler(graph, new HttpClient(), options, time);
    }
}

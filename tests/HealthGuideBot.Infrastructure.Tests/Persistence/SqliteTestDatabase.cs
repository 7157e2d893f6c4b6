using HealthGuideBot.Infrastructure.Hosting;
using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Infrastructure.Tests.Persistence;

/// <summary>
/// A real SQLite file in a temporary folder, wired exactly as the host wires it (<c>AddHealthGuideStorage</c> and the
/// start-up migrator). <see cref="RestartAsync"/> throws the whole service provider away and builds a new one over
/// the same file, as a process restart would.
/// </summary>
internal sealed class SqliteTestDatabase : IAsyncDisposable
{
    private readonly Action<IServiceCollection>? _configure;

    private SqliteTestDatabase(string folder, Action<IServiceCollection>? configure = null)
    {
        _configure = configure;
        Folder = folder;
        FilePath = Path.Combine(folder, "data", "healthguidebot.db");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; private set; } = null!;

    public static async Task<SqliteTestDatabase> CreateAsync(Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hgb-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new SqliteTestDatabase(folder, configure);
        await database.StartAsync();
        return database;
    }

    public static ServiceProvider BuildServices(string connectionString, TimeProvider time, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:HealthGuideBot"] = connectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddHealthGuideStorage(configuration);
        services.AddAttendanceStore();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private async Task StartAsync()
    {
        Services = BuildServices($"Data Source={FilePath}", Time, _configure);
        foreach (var hosted in Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    private async Task StopAsync()
    {
        await Services.DisposeAsync();

        // Pooled connections outlive the provider; clearing them closes the file as a stopped process would.
        SqliteConnection.ClearAllPools();
    }
}

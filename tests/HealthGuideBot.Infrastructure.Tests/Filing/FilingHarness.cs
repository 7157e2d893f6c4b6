using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Filing;
using HealthGuideBot.Core.Notifications;
using HealthGuideBot.Infrastructure.Filing;
using HealthGuideBot.Infrastructure.Filing.Graph;
using HealthGuideBot.Infrastructure.Hosting;
using HealthGuideBot.Infrastructure.Persistence;
using HealthGuideBot.Testing.Graph;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Infrastructure.Tests.Filing;

/// <summary>
/// One "process" of the bot as far as filing goes: storage and filing wired exactly as the host wires them, over a
/// SQLite file in <see cref="Folder"/>, on a shared <see cref="FakeTimeProvider"/>. Disposing it and creating another
/// over the same folder is a restart. The dispatcher loop is not started unless a test starts it; tests drive passes.
/// </summary>
internal sealed class FilingHarness : IAsyncDisposable
{
    public const string Drive = "drive-1";
    public const string Site = "site-1";
    public const string PlanList = "list-plans";
    public const string Mailbox = "office@school.example";

    private FilingHarness(ServiceProvider services, FakeTimeProvider time)
    {
        Services = services;
        Time = time;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hgb-filing-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static async Task<FilingHarness> StartAsync(
        string folder,
        FakeTimeProvider time,
        IRecordFiler? filer = null,
        IStaffNotifier? notifier = null,
        IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:HealthGuideBot"] = $"Data Source={Path.Combine(folder, "data", "healthguidebot.db")}",
            ["HealthGuideBot:Filing:LocalFolder"] = Path.Combine(folder, "filed"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IFilingJitter>(new FixedFilingJitter(0.5));
        if (filer is not null)
        {
            services.AddSingleton(filer);
        }

        services.AddSingleton<IStaffDirectory>(new FakeStaffDirectory(
            FakeStaffDirectory.Member("admin-1", StaffRole.Admin),
            FakeStaffDirectory.Member("admin-2", StaffRole.Admin, StaffRole.Senco),
            FakeStaffDirectory.Member("nurse-1", StaffRole.Nurse)));
        services.AddSingleton(notifier ?? new FakeStaffNotifier());
        services.AddSingleton(new CardTemplateLibrary(typeof(FilingHarness).Assembly));
        services.AddHealthGuideStorage(configuration);
        services.AddHealthGuideFiling(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<DatabaseMigrator>().Single().StartAsync(CancellationToken.None);
        return new FilingHarness(provider, time);
    }

    /// <summary>A Graph filer pointed at the stand-in, with a fake token credential.</summary>
    public static GraphRecordFiler GraphFiler(FakeGraphServer graph, TimeProvider time, Action<GraphFilingOptions>? configure = null)
    {
        var options = new GraphFilingOptions
        {
            BaseUrl = graph.BaseUrl,
            Credential = GraphCredentialKind.ClientSecret,
            SiteId = Site,
            DriveId = Drive,
            RootFolder = "HealthGuideBot",
            Mailbox = Mailbox,
            UploadChunkBytes = FakeGraphServer.ChunkUnit,
        };
        options.Lists["Plan register"] = PlanList;
        configure?.Invoke(options);
        return new GraphRecordFiler(GraphFilingClient.Create(options.BaseUrl, new FakeTokenCredential()), new HttpClient(), options, time);
    }

    public async Task AddAsync(params FilingRequest[] requests)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        foreach (var request in requests)
        {
            FilingOutbox.Add(db, request, Time.GetUtcNow());
        }

        await db.SaveChangesAsync();
    }

    public async Task<OutboxMessageEntity> RowAsync(string key)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        return await db.Outbox.AsNoTracking().SingleAsync(e => e.Key == key);
    }

    public async Task<List<OutboxMessageEntity>> RowsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        return await db.Outbox.AsNoTracking().OrderBy(e => e.Key).ToListAsync();
    }

    public Task<int> RunDueAsync() => Dispatcher.DispatchDueAsync(CancellationToken.None);

    /// <summary>
    /// Runs passes, jumping the clock to the next due time whenever nothing is due, until every row is Filed or
    /// Parked, or <paramref name="maxPasses"/> is reached. Returns the passes that claimed something.
    /// </summary>
    public async Task<int> DrainAsync(int maxPasses = 50)
    {
        int working = 0;
        for (int pass = 0; pass < maxPasses; pass++)
        {
            if (await RunDueAsync() > 0)
            {
                working++;
                continue;
            }

            var open = (await RowsAsync()).Where(r => r.State is FilingState.Pending or FilingState.Retrying).ToList();
            if (open.Count == 0)
            {
                return working;
            }

            var next = open.Select(r => r.NextAttemptAt ?? Time.GetUtcNow()).Min();
            if (next > Time.GetUtcNow())
            {
                Time.Advance(next - Time.GetUtcNow());
            }
        }

        return working;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    public static FilingRequest Document(string id, byte[]? content = null, string destination = "Healthcare plans") => new()
    {
        Key = $"plan:{id}:v1:document",
        Target = FilingTarget.Document,
        RecordType = "plan",
        RecordId = id,
        Destination = destination,
        FileName = $"IHP-{id}-v1.docx",
        ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Content = content ?? [1, 2, 3, 4, 5],
    };

    public static FilingRequest Register(string id, int version = 1, string status = "Active") => new()
    {
        Key = $"plan:{id}:v{version}:register",
        Target = FilingTarget.RegisterEntry,
        RecordType = "plan",
        RecordId = id,
        Destination = "Plan register",
        Fields = new Dictionary<string, string> { ["Title"] = $"IHP-{id}", ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Status"] = status },
    };

    public static FilingRequest Email(string id) => new()
    {
        Key = $"referral:{id}:v1:email",
        Target = FilingTarget.Email,
        RecordType = "referral",
        RecordId = id,
        Destination = "Panel",
        FileName = $"REF-{id}.docx",
        ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Content = [9, 8, 7],
        MailTo = "panel@la.example",
        MailSubject = "Referral REF-" + id + " for Sam Taylor",
        MailBody = "Secret body text about Sam Taylor.",
    };
}

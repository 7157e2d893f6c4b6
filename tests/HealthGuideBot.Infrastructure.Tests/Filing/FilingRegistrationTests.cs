using HealthGuideBot.Core.Filing;
using HealthGuideBot.Infrastructure.Filing;
using HealthGuideBot.Infrastructure.Filing.Graph;
using HealthGuideBot.Infrastructure.Filing.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Infrastructure.Tests.Filing;

public sealed class FilingRegistrationTests : IDisposable
{
    private readonly string _folder = FilingHarness.NewFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task LocalMode_IsTheDefault_AndFilesThroughTheDispatcher()
    {
        await using var host = await FilingHarness.StartAsync(_folder, FilingHarness.NewClock());
        Assert.IsType<LocalFolderRecordFiler>(host.Services.GetRequiredService<IRecordFiler>());
        await host.AddAsync(FilingHarness.Document("R1"));

        await host.DrainAsync();

        Assert.Equal(FilingState.Filed, (await host.RowAsync("plan:R1:v1:document")).State);
        Assert.True(File.Exists(Path.Combine(_folder, "filed", "Healthcare plans", "IHP-R1-v1.docx")));
    }

    [Fact]
    public async Task GraphMode_WithMissingSettings_FailsAtStartUp_NamingEachSetting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => FilingHarness.StartAsync(_folder, FilingHarness.NewClock(), settings: new Dictionary<string, string?>
        {
            ["HealthGuideBot:Filing:Mode"] = "Graph",
            ["HealthGuideBot:Filing:Graph:Credential"] = "Certificate",
            ["HealthGuideBot:Filing:Graph:UploadChunkBytes"] = "1000000",
        }));

        Assert.Contains("HealthGuideBot:Filing:Graph:SiteId is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("HealthGuideBot:Filing:Graph:DriveId is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("HealthGuideBot:Filing:Graph:TenantId is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("CertificatePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("multiple of 327680", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphMode_WithCompleteSettings_BuildsTheGraphFiler()
    {
        await using var host = await FilingHarness.StartAsync(_folder, FilingHarness.NewClock(), settings: new Dictionary<string, string?>
        {
            ["HealthGuideBot:Filing:Mode"] = "Graph",
            ["HealthGuideBot:Filing:Graph:Credential"] = "ManagedIdentity",
            ["HealthGuideBot:Filing:Graph:SiteId"] = "contoso.sharepoint.com,1,2",
            ["HealthGuideBot:Filing:Graph:DriveId"] = "b!drive",
            ["HealthGuideBot:Filing:Graph:Lists:Plan register"] = "list-guid",
        });

        Assert.IsType<GraphRecordFiler>(host.Services.GetRequiredService<IRecordFiler>());
        Assert.Equal("list-guid", host.Services.GetRequiredService<IOptions<FilingOptions>>().Value.Graph.Lists["Plan register"]);
    }

    [Fact]
    [Trait("Security", "F61")]
    public void GraphPipeline_IsTheSdkDefaultsWithoutTheRetryHandler()
    {
        Assert.Contains(Microsoft.Graph.GraphClientFactory.CreateDefaultHandlers(), h => h is Microsoft.Kiota.Http.HttpClientLibrary.Middleware.RetryHandler);

        var handlers = GraphFilingClient.Handlers();

        Assert.DoesNotContain(handlers, h => h is Microsoft.Kiota.Http.HttpClientLibrary.Middleware.RetryHandler);
        Assert.Contains(handlers, h => h is Microsoft.Kiota.Http.HttpClientLibrary.Middleware.RedirectHandler);
    }
}

using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Knowledge.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthGuideBot.Knowledge.Tests;

/// <summary>The real knowledge/ folder, indexed once into a temporary folder for the tests that share it.</summary>
public sealed class KnowledgeIndexFixture : IAsyncLifetime
{
    private string? _indexRoot;
    private LuceneKnowledgeSearch? _search;

    internal LuceneKnowledgeSearch Search => _search ?? throw new InvalidOperationException("Not initialised.");

    internal EmergencyRouter Router { get; private set; } = new(SynonymList.Empty);

    internal EmergencyProcedureCatalog Catalog { get; private set; } = EmergencyProcedureCatalog.Create([]);

    public async Task InitializeAsync()
    {
        _indexRoot = TestPaths.NewTemporaryFolder();
        var builder = new KnowledgeIndexBuilder(TimeProvider.System, NullLogger<KnowledgeIndexBuilder>.Instance);
        await builder.BuildAsync(TestPaths.KnowledgeFolder, _indexRoot, CancellationToken.None);
        _search = LuceneKnowledgeSearch.Open(_indexRoot, NullLogger<LuceneKnowledgeSearch>.Instance);
        Router = new EmergencyRouter(await SynonymList.LoadAsync(TestPaths.KnowledgeFolder, CancellationToken.None));
        Catalog = EmergencyProcedureCatalog.Create(_search);
    }

    public Task DisposeAsync()
    {
        _search?.Dispose();
        if (_indexRoot is not null)
        {
            TestPaths.DeleteQuietly(_indexRoot);
        }

        return Task.CompletedTask;
    }
}

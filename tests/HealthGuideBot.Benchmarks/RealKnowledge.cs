using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Knowledge.Indexing;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthGuideBot.Benchmarks;

/// <summary>The real knowledge/ folder indexed into a temporary folder, with the router and responder the bot builds from it.</summary>
internal sealed class RealKnowledge : IDisposable
{
    private readonly string _indexRoot;

    private RealKnowledge(string indexRoot, LuceneKnowledgeSearch search, EmergencyRouter router, EmergencyResponder responder)
    {
        _indexRoot = indexRoot;
        Search = search;
        Router = router;
        Responder = responder;
    }

    public LuceneKnowledgeSearch Search { get; }

    public EmergencyRouter Router { get; }

    public EmergencyResponder Responder { get; }

    public static SchoolProfile School { get; } =
        new("Sample Primary School", "1 High Street, Anytown", "AB1 2CD", "01234 567890", "the main gate on High Street", "the office manager, at the main gate");

    public static async Task<RealKnowledge> CreateAsync()
    {
        var indexRoot = Path.Combine(RepoPaths.CacheFolder, "real-" + Guid.NewGuid().ToString("N")[..8]);
        var builder = new KnowledgeIndexBuilder(TimeProvider.System, NullLogger<KnowledgeIndexBuilder>.Instance);
        await builder.BuildAsync(RepoPaths.KnowledgeFolder, indexRoot, CancellationToken.None);
        var search = LuceneKnowledgeSearch.Open(indexRoot, NullLogger<LuceneKnowledgeSearch>.Instance);
        var router = new EmergencyRouter(await SynonymList.LoadAsync(RepoPaths.KnowledgeFolder, CancellationToken.None));
        var responder = new EmergencyResponder(
            EmergencyProcedureCatalog.Create(search), School, TimeProvider.System, NullLogger<EmergencyResponder>.Instance);
        return new RealKnowledge(indexRoot, search, router, responder);
    }

    /// <summary>What the bot does with an emergency message: route it, then build the answer (a message the router does not recognise gets the calling-999 procedure, so every call does the same work).</summary>
    public EmergencyAnswer? Answer(string message) => Responder.Respond(Router.Route(message) ?? EmergencyDocumentIds.EmergencyServices);

    public void Dispose()
    {
        Search.Dispose();
        try
        {
            Directory.Delete(_indexRoot, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Knowledge.Hosting;
using HealthGuideBot.Knowledge.Indexing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Knowledge.Tests.Hosting;

/// <summary>A running bot picks up an index built by another process (the <c>index</c> command) without a restart.</summary>
public sealed class KnowledgeBaseReloadTests : IDisposable
{
    private static readonly SchoolProfile School = new("Test Primary", "1 School Lane, Testtown", "TT1 1TT", "01234 567890", "the main gate", "the office");

    private readonly string _knowledge = TestPaths.CopyOfKnowledgeFolder();
    private readonly string _index = TestPaths.NewTemporaryFolder();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        TestPaths.DeleteQuietly(_knowledge);
        TestPaths.DeleteQuietly(_index);
    }

    [Fact]
    public async Task ARunningKnowledgeBase_SwitchesToANewerIndex_OnItsNextCheck_AndEmergenciesUseIt()
    {
        using var running = NewKnowledgeBase(TimeSpan.FromSeconds(30));
        await running.StartAsync(CancellationToken.None);
        var responder = new EmergencyResponder(() => running.Catalog, School, _time, NullLogger<EmergencyResponder>.Instance);
        Assert.DoesNotContain(responder.Respond(EmergencyDocumentIds.Choking)!.Steps, step => step.Contains("ZEBRA-CHECK", StringComparison.Ordinal));

        var path = Path.Combine(_knowledge, "emergencies", "emergency-choking.md");
        var text = await File.ReadAllTextAsync(path);
        var firstStep = text.IndexOf("1. ", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, text.Insert(firstStep + 3, "ZEBRA-CHECK "));
        using (var other = NewKnowledgeBase(TimeSpan.Zero))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await other.RebuildAsync(CancellationToken.None);
        }

        var before = running.Search.GenerationName;
        _time.Advance(TimeSpan.FromSeconds(28)); // 29 s since start: the first check is at 30 s
        Assert.Equal(before, running.Search.GenerationName);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotEqual(before, running.Search.GenerationName);
        Assert.Contains(responder.Respond(EmergencyDocumentIds.Choking)!.Steps, step => step.Contains("ZEBRA-CHECK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARunningKnowledgeBase_GivesTheRouterTheNewSynonyms_WhenAnotherProcessReindexes()
    {
        using var running = NewKnowledgeBase(TimeSpan.FromSeconds(30));
        await running.StartAsync(CancellationToken.None);
        var router = new EmergencyRouter(() => running.Synonyms); // as AddHealthGuideKnowledge registers it
        Assert.Null(router.Route("zonked out"));

        await File.AppendAllTextAsync(Path.Combine(_knowledge, "synonyms.txt"), "\nfit, zonked out\n");
        using (var other = NewKnowledgeBase(TimeSpan.Zero))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await other.RebuildAsync(CancellationToken.None);
        }

        Assert.Null(router.Route("zonked out")); // not yet switched: the router still agrees with search
        _time.Advance(TimeSpan.FromSeconds(29));

        Assert.Equal(EmergencyDocumentIds.Seizure, router.Route("zonked out"));
        Assert.Equal(EmergencyDocumentIds.Seizure, router.Route("boy having a fit"));
    }

    [Fact]
    public async Task RebuildAsync_GivesTheRouterTheNewSynonyms()
    {
        using var running = NewKnowledgeBase(TimeSpan.Zero);
        await running.StartAsync(CancellationToken.None);
        var router = new EmergencyRouter(() => running.Synonyms);
        Assert.Null(router.Route("zonked out"));

        await File.AppendAllTextAsync(Path.Combine(_knowledge, "synonyms.txt"), "\nfit, zonked out\n");
        _time.Advance(TimeSpan.FromSeconds(1));
        await running.RebuildAsync(CancellationToken.None);

        Assert.Equal(EmergencyDocumentIds.Seizure, router.Route("zonked out"));
    }

    [Fact]
    public async Task CheckForNewIndex_IsFalse_WhenNothingChanged()
    {
        using var running = NewKnowledgeBase(TimeSpan.Zero);
        await running.StartAsync(CancellationToken.None);

        Assert.False(running.CheckForNewIndex());
    }

    private KnowledgeBase NewKnowledgeBase(TimeSpan interval) => new(
        _knowledge,
        _index,
        new KnowledgeIndexBuilder(_time, NullLogger<KnowledgeIndexBuilder>.Instance),
        _time,
        NullLoggerFactory.Instance,
        interval);
}

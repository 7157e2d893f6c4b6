using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Core.Questions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Core.Tests.Questions;

public sealed class SearchAdmissionTests
{
    [Fact]
    public async Task EnterAsync_AdmitsUpToTheLimit_ThenQueuesInArrivalOrder()
    {
        var admission = new SearchAdmission(2);
        var first = await admission.EnterAsync(CancellationToken.None);
        var second = await admission.EnterAsync(CancellationToken.None);

        var third = admission.EnterAsync(CancellationToken.None).AsTask();
        var fourth = admission.EnterAsync(CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);
        Assert.False(fourth.IsCompleted);

        first.Dispose();
        using (await third)
        {
            Assert.False(fourth.IsCompleted, "The later arrival waits while the earlier one holds the freed slot.");
        }

        (await fourth).Dispose();
        second.Dispose();
        Assert.Equal(2, admission.Available);
    }

    [Fact]
    public async Task Slot_GivesItsPlaceBackOnce_WhenDisposedTwice()
    {
        var admission = new SearchAdmission(1);
        var slot = await admission.EnterAsync(CancellationToken.None);

        slot.Dispose();
        slot.Dispose();

        Assert.Equal(1, admission.Available);
    }

    [Fact]
    public async Task EnterAsync_StopsWaiting_WhenCancelled()
    {
        var admission = new SearchAdmission(1);
        using var held = await admission.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = admission.EnterAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, admission.Available);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Limit_DefaultsToTwiceTheProcessorCount_WhenNotConfigured(int configured)
    {
        var admission = new SearchAdmission(Options.Create(new QuestionAnsweringOptions { MaxConcurrentSearches = configured }));

        Assert.Equal(2 * Environment.ProcessorCount, admission.Limit);
    }

    [Fact]
    public void Limit_FollowsConfiguration()
    {
        Assert.Equal(5, new SearchAdmission(Options.Create(new QuestionAnsweringOptions { MaxConcurrentSearches = 5 })).Limit);
    }

    [Fact]
    public async Task QuestionAnswerer_SearchesOnlyWithASlot()
    {
        var admission = new SearchAdmission(1);
        var search = new CountingSearch();
        var answerer = new QuestionAnswerer(
            search,
            new EchoComposer(),
            Options.Create(new QuestionAnsweringOptions()),
            TimeProvider.System,
            NullLogger<QuestionAnswerer>.Instance,
            admission);
        var held = await admission.EnterAsync(CancellationToken.None);

        var answer = answerer.AnswerAsync("what is the school wifi password", CancellationToken.None).AsTask();
        Assert.False(answer.IsCompleted);
        Assert.Equal(0, search.Calls);

        held.Dispose();
        Assert.IsType<NoApprovedAnswer>(await answer);
        Assert.Equal(1, search.Calls);
        Assert.Equal(1, admission.Available);
    }

    private sealed class CountingSearch : IKnowledgeSearch
    {
        public int Calls { get; private set; }

        public IReadOnlyList<KnowledgeDocument> Documents => [];

        public KnowledgeSearchResult Search(string query, int maxHits)
        {
            Calls++;
            return KnowledgeSearchResult.Empty;
        }

        public KnowledgeDocument? FindDocument(string documentId) => null;

        public KnowledgeSection? FindSection(string sectionId) => null;

        public IReadOnlyList<KnowledgeSection> GetSections(string documentId) => [];
    }

    private sealed class EchoComposer : IAnswerComposer
    {
        public ValueTask<ComposedAnswer> ComposeAsync(AnswerEvidence evidence, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("No evidence should reach the composer in this test.");
    }
}

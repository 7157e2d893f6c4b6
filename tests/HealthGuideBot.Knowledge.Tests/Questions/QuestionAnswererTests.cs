using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Core.Questions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Knowledge.Tests.Questions;

[Collection(SharedKnowledgeIndex.Name)]
public sealed class QuestionAnswererTests(KnowledgeIndexFixture fixture)
{
    private readonly FakeLogger<QuestionAnswerer> _logger = new();

    [Fact]
    public async Task AnswerAsync_QuotesTheBestSection_WithItsCitation()
    {
        var outcome = await Answerer(Today(2026, 12, 1)).AnswerAsync("who writes an IHP", CancellationToken.None);

        var answered = Assert.IsType<AnsweredQuestion>(outcome);
        var citation = Assert.Single(answered.Citations);
        Assert.Equal("Individual Healthcare Plans (IHPs) – guidance for staff", citation.Source.Title);
        Assert.Equal("Who writes the IHP", citation.Source.Section);
        Assert.Equal(new DateOnly(2026, 11, 27), citation.Source.Reviewed);
        Assert.False(citation.IsOverdue);
        Assert.Contains("**IHP**", answered.Excerpt, StringComparison.Ordinal);
        Assert.InRange(answered.Confidence, 0.6, 1.0);
    }

    [Fact]
    public async Task AnswerAsync_FlagsEveryCitation_PastItsReviewDate()
    {
        var outcome = await Answerer(Today(2028, 1, 10)).AnswerAsync("who writes an IHP", CancellationToken.None);

        Assert.True(outcome.HasOverdueSource);
        Assert.All(outcome.Citations, citation => Assert.True(citation.IsOverdue));
    }

    [Theory]
    [InlineData("what is the wifi password")]
    [InlineData("what is the capital of France")]
    [InlineData("what time is the staff meeting")]
    public async Task AnswerAsync_RefusesHonestly_NamingTheConfiguredRole(string question)
    {
        var outcome = await Answerer(Today(2026, 12, 1)).AnswerAsync(question, CancellationToken.None);

        var refusal = Assert.IsType<NoApprovedAnswer>(outcome);
        Assert.Equal("I don't have an approved answer to that; ask the first aid lead.", refusal.Message);
        Assert.Empty(refusal.Citations);
    }

    [Theory]
    [InlineData("who is on the school council")]
    [InlineData("what does the school council do")]
    [InlineData("school council")]
    [InlineData("how do I log into the register system")]
    public async Task AnswerAsync_Refuses_WhenTheBestSectionOnlyMentionsTheQuestionInPassing(string question)
    {
        // "council" is in one section only, once ("Guidance from the Resuscitation Council UK"): coverage 1, but
        // the evidence is one passing mention.
        var outcome = await Answerer(Today(2026, 12, 1)).AnswerAsync(question, CancellationToken.None);

        Assert.IsType<NoApprovedAnswer>(outcome);
    }

    [Theory]
    [InlineData("can I give a pupil Calpol?", "policy-medicines#non-prescription-medicines")]
    [InlineData("can I give paracetamol", "policy-medicines#non-prescription-medicines")]
    [InlineData("who is the school nurse", "pathway-referrals#school-nursing")]
    public async Task AnswerAsync_StillAnswers_ShortQuestionsAboutWhatASectionIsAbout(string question, string sectionId)
    {
        var outcome = await Answerer(Today(2026, 12, 1)).AnswerAsync(question, CancellationToken.None);

        var answered = Assert.IsType<AnsweredQuestion>(outcome);
        Assert.Equal(sectionId, answered.Citations[0].Source.SectionId);
    }

    [Fact]
    public async Task Confidence_OrdersAClearQuestionAboveAVagueOne_AndAPassingMentionLowest()
    {
        var answerer = Answerer(Today(2026, 12, 1));
        async Task<double> ConfidenceOf(string question) => await answerer.AnswerAsync(question, CancellationToken.None) switch
        {
            AnsweredQuestion answered => answered.Confidence,
            DidYouMean didYouMean => didYouMean.Confidence,
            _ => 0,
        };

        var clear = await ConfidenceOf("do we need parental consent to give medicine");
        var shorter = await ConfidenceOf("can I give paracetamol");
        var vague = await ConfidenceOf("medicine");
        var passing = QuestionAnswerer.Confidence(fixture.Search.Search("school council", 8));

        Assert.True(clear > shorter, $"clear {clear:0.000} vs shorter {shorter:0.000}");
        Assert.True(shorter > vague, $"shorter {shorter:0.000} vs vague {vague:0.000}");
        Assert.True(vague > passing, $"vague {vague:0.000} vs passing mention {passing:0.000}");
        Assert.InRange(passing, 0, 0.2);
        Assert.InRange(clear, 0.9, 1.0);
    }

    [Fact]
    public void Confidence_HasManyDistinctValues_AcrossTheEvaluationSet()
    {
        var values = EvaluationQuestionsForConfidence()
            .Select(question => Math.Round(QuestionAnswerer.Confidence(fixture.Search.Search(question, 8)), 2))
            .Distinct()
            .Count();

        Assert.True(values >= 25, $"only {values} distinct confidences");
    }

    [Fact]
    public async Task AnswerAsync_OffersTheClosestSections_WhenUnsure()
    {
        var outcome = await Answerer(Today(2026, 12, 1)).AnswerAsync("reintegration after long term illness", CancellationToken.None);

        var didYouMean = Assert.IsType<DidYouMean>(outcome);
        Assert.Equal("pathway-health-needs#return-and-reintegration", didYouMean.Suggestions[0].Source.SectionId);
        Assert.InRange(didYouMean.Suggestions.Count, 1, 3);
        Assert.Equal("the first aid lead", didYouMean.AskRole);
    }

    [Fact]
    public async Task AnswerAsync_NeverLogsTheQuestion()
    {
        const string question = "can I give Jayden Smith in 4B some Calpol";

        await Answerer(Today(2026, 12, 1)).AnswerAsync(question, CancellationToken.None);

        var records = _logger.Collector.GetSnapshot();
        Assert.NotEmpty(records);
        Assert.All(records, record =>
        {
            Assert.DoesNotContain("Jayden", record.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Calpol", record.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(4010, record.Id.Id);
        });
    }

    [Fact]
    public async Task AnswerAsync_CitesOnlyTheEvidenceTheComposerUsed_AndSaysWhenGenerated()
    {
        var foreign = new KnowledgeHit(new KnowledgeSection("not-given", "made-up", ["Made up"], "text", 0), 1, "text", 1);
        var composer = new ScriptedComposer(evidence => new ComposedAnswer("Generated [1].", [foreign, evidence.Hits[0]], IsGenerated: true));

        var outcome = await Answerer(Today(2026, 12, 1), composer).AnswerAsync("who writes an IHP", "staff-42", CancellationToken.None);

        var answered = Assert.IsType<AnsweredQuestion>(outcome);
        Assert.True(answered.IsGenerated);
        Assert.Equal("Generated [1].", answered.Excerpt);
        Assert.Equal(composer.Seen!.Hits[0].Section.Id, Assert.Single(answered.Citations).Source.SectionId);
        Assert.Equal("staff-42", composer.Seen.RequesterKey);
        Assert.InRange(composer.Seen.Hits.Count, 1, 3);
    }

    [Fact]
    public async Task AnswerAsync_Refuses_WhenTheComposerCitesNothingItWasGiven()
    {
        var foreign = new KnowledgeHit(new KnowledgeSection("not-given", "made-up", ["Made up"], "text", 0), 1, "text", 1);
        var composer = new ScriptedComposer(_ => new ComposedAnswer("Generated.", [foreign], IsGenerated: true));

        var outcome = await Answerer(Today(2026, 12, 1), composer).AnswerAsync("who writes an IHP", CancellationToken.None);

        Assert.IsType<NoApprovedAnswer>(outcome);
    }

    [Fact]
    public async Task AnswerAsync_Extractive_IsNotGenerated()
    {
        var outcome = await Answerer(Today(2026, 12, 1)).AnswerAsync("who writes an IHP", CancellationToken.None);

        Assert.False(Assert.IsType<AnsweredQuestion>(outcome).IsGenerated);
    }

    private QuestionAnswerer Answerer(TimeProvider time, IAnswerComposer? composer = null) => new(
        fixture.Search,
        composer ?? new ExtractiveAnswerComposer(),
        Options.Create(new QuestionAnsweringOptions { AskRole = "the first aid lead" }),
        time,
        _logger);

    private static FakeTimeProvider Today(int year, int month, int day)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        return time;
    }

    private sealed class ScriptedComposer(Func<AnswerEvidence, ComposedAnswer> script) : IAnswerComposer
    {
        public AnswerEvidence? Seen { get; private set; }

        public ValueTask<ComposedAnswer> ComposeAsync(AnswerEvidence evidence, CancellationToken cancellationToken)
        {
            Seen = evidence;
            return ValueTask.FromResult(script(evidence));
        }
    }

    private static IEnumerable<string> EvaluationQuestionsForConfidence() =>
        Evaluation.EvaluationQuestion.Load(TestPaths.EvaluationFile).Where(question => !question.IsEmergency).Select(question => question.Question);
}

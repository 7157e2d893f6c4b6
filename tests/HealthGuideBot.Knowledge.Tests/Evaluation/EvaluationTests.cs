using System.Diagnostics;
using System.Globalization;
using HealthGuideBot.Core.Questions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace HealthGuideBot.Knowledge.Tests.Evaluation;

/// <summary>
/// Runs every question in questions.tsv through the emergency router and the question answerer, as the bot would:
/// the router first; only what it does not route is searched. Prints the figures and asserts floors.
/// </summary>
[Collection(SharedKnowledgeIndex.Name)]
public sealed class EvaluationTests(KnowledgeIndexFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public Task EvaluationSet_MeetsAccuracyFloors() =>
        EvaluateAsync(TestPaths.EvaluationFile, new Floors(Recall: 0.97, FalsePositiveRate: 0.05, TopOne: 0.85, Refusal: 0.9));

    [Fact]
    public Task HoldOutSet_MeetsAccuracyFloors() =>
        EvaluateAsync(
            Path.Combine(AppContext.BaseDirectory, "Evaluation", "holdout.tsv"),
            new Floors(Recall: 0.95, FalsePositiveRate: 0.05, TopOne: 0.8, Refusal: 0.75));

    private async Task EvaluateAsync(string file, Floors floors)
    {
        var questions = EvaluationQuestion.Load(file);
        var answerer = new QuestionAnswerer(
            fixture.Search,
            new ExtractiveAnswerComposer(),
            Options.Create(new QuestionAnsweringOptions()),
            TimeProvider.System,
            NullLogger<QuestionAnswerer>.Instance);

        var emergencies = questions.Where(q => q.IsEmergency).ToArray();
        var nonEmergencies = questions.Where(q => !q.IsEmergency).ToArray();
        var answerable = nonEmergencies.Where(q => !q.ExpectsRefusal).ToArray();
        var refusals = nonEmergencies.Where(q => q.ExpectsRefusal).ToArray();
        var failures = new List<string>();

        var routedToRightCard = 0;
        var routedAtAll = 0;
        foreach (var question in emergencies)
        {
            var routed = fixture.Router.Route(question.Question);
            routedAtAll += routed is null ? 0 : 1;
            if (routed is not null && question.ExpectedDocumentIds.Contains(routed))
            {
                routedToRightCard++;
            }
            else
            {
                failures.Add($"EMERGENCY MISSED  '{question.Question}' → {routed ?? "not routed"} (expected {question.ExpectedDocumentIds[0]})");
            }
        }

        var falsePositives = 0;
        var topOneCorrect = 0;
        var answeredCorrectly = 0;
        var refusedCorrectly = 0;
        var latencies = new List<double>();
        var outcomes = new List<string>();
        foreach (var question in nonEmergencies)
        {
            if (fixture.Router.Route(question.Question) is { } routed)
            {
                falsePositives++;
                failures.Add($"FALSE EMERGENCY   '{question.Question}' → {routed}");
            }

            var started = Stopwatch.GetTimestamp();
            var outcome = await answerer.AnswerAsync(question.Question, CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            outcomes.Add($"{(question.ExpectsRefusal ? "out-of-scope" : "in-scope    ")}  {Describe(outcome),-90} ← '{question.Question}'");
            var topHits = fixture.Search.Search(question.Question, 1).Hits;
            var top = topHits.Count > 0 ? topHits[0] : null;

            if (question.ExpectsRefusal)
            {
                if (outcome is NoApprovedAnswer)
                {
                    refusedCorrectly++;
                }
                else
                {
                    failures.Add($"NOT REFUSED       '{question.Question}' → {Describe(outcome)}");
                }

                continue;
            }

            if (top is not null && question.ExpectedDocumentIds.Contains(top.Section.DocumentId))
            {
                topOneCorrect++;
            }
            else
            {
                failures.Add($"WRONG TOP-1       '{question.Question}' → {top?.Section.Id ?? "nothing"} (expected {string.Join('|', question.ExpectedDocumentIds)})");
            }

            if (outcome is AnsweredQuestion answered && question.ExpectedDocumentIds.Contains(answered.Citations[0].Source.DocumentId))
            {
                answeredCorrectly++;
            }
            else if (outcome is not AnsweredQuestion)
            {
                failures.Add($"NOT ANSWERED      '{question.Question}' → {Describe(outcome)}");
            }
        }

        var recall = Ratio(routedToRightCard, emergencies.Length);
        var routedRecall = Ratio(routedAtAll, emergencies.Length);
        var falsePositiveRate = Ratio(falsePositives, nonEmergencies.Length);
        var topOne = Ratio(topOneCorrect, answerable.Length);
        var answeredRate = Ratio(answeredCorrectly, answerable.Length);
        var refusalAccuracy = Ratio(refusedCorrectly, refusals.Length);
        latencies.Sort();

        output.WriteLine($"Questions: {questions.Count} ({emergencies.Length} emergency, {answerable.Length} policy/pathway/guidance, {refusals.Length} out of scope)");
        output.WriteLine($"Emergency recall (right card):  {recall:P1} ({routedToRightCard}/{emergencies.Length}); routed at all {routedRecall:P1}");
        output.WriteLine($"Emergency false-positive rate:  {falsePositiveRate:P1} ({falsePositives}/{nonEmergencies.Length})");
        output.WriteLine($"Top-1 retrieval accuracy:       {topOne:P1} ({topOneCorrect}/{answerable.Length})");
        output.WriteLine($"Answered from the right document: {answeredRate:P1} ({answeredCorrectly}/{answerable.Length})");
        output.WriteLine($"Refusal accuracy:               {refusalAccuracy:P1} ({refusedCorrectly}/{refusals.Length})");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Answer latency (informal, in-process, first run included): p50 {latencies[latencies.Count / 2]:0.00} ms, max {latencies[^1]:0.00} ms"));
        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }

        output.WriteLine(string.Empty);
        output.WriteLine("Every non-emergency outcome:");
        foreach (var line in outcomes.Order(StringComparer.Ordinal))
        {
            output.WriteLine(line);
        }

        Assert.True(recall >= floors.Recall, $"Emergency recall {recall:P1} is below {floors.Recall:P0}.");
        Assert.True(falsePositiveRate <= floors.FalsePositiveRate, $"Emergency false-positive rate {falsePositiveRate:P1} is above {floors.FalsePositiveRate:P0}.");
        Assert.True(topOne >= floors.TopOne, $"Top-1 accuracy {topOne:P1} is below {floors.TopOne:P0}.");
        Assert.True(refusalAccuracy >= floors.Refusal, $"Refusal accuracy {refusalAccuracy:P1} is below {floors.Refusal:P0}.");
    }

    private sealed record Floors(double Recall, double FalsePositiveRate, double TopOne, double Refusal);

    private static double Ratio(int count, int total) => total == 0 ? 1 : (double)count / total;

    private static string Describe(QuestionOutcome outcome) => outcome switch
    {
        AnsweredQuestion answered => $"answered from {answered.Citations[0].Source.SectionId} ({answered.Confidence:0.00})",
        DidYouMean didYouMean => $"did you mean {string.Join(", ", didYouMean.Suggestions.Select(s => s.Source.SectionId))} ({didYouMean.Confidence:0.00})",
        NoApprovedAnswer => "refused",
        _ => outcome.GetType().Name,
    };
}

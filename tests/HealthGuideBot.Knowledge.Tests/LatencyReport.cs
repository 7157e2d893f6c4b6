using System.Diagnostics;
using System.Globalization;
using HealthGuideBot.Core.Emergencies;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace HealthGuideBot.Knowledge.Tests;

/// <summary>
/// Informal timings printed for the main engineer; asserts nothing about speed (benchmarks do that). Asserts only
/// that every timed call returned something, so the loop cannot silently time nothing.
/// </summary>
[Collection(SharedKnowledgeIndex.Name)]
public sealed class LatencyReport(KnowledgeIndexFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void PrintsSearchRouterAndEmergencyTimings()
    {
        var questions = Evaluation.EvaluationQuestion.Load(TestPaths.EvaluationFile).Select(q => q.Question).ToArray();
        var responder = new EmergencyResponder(
            fixture.Catalog,
            new SchoolProfile("Sample School", "1 Road", "AB1 2CD", "01234 567890", "the main gate", "the office manager"),
            TimeProvider.System,
            NullLogger<EmergencyResponder>.Instance);
        // Warm up past tiered JIT compilation before timing.
        for (var round = 0; round < 3; round++)
        {
            foreach (var question in questions)
            {
                fixture.Search.Search(question, 8);
                fixture.Router.Route(question);
            }
        }

        var search = Time(questions, question => fixture.Search.Search(question, 8).QueryTermCount >= 0);
        var route = Time(questions, question => fixture.Router.Explain(question) is not null);
        var emergency = Time(questions, question => responder.Respond(fixture.Router.Route(question) ?? EmergencyDocumentIds.Asthma) is not null);

        output.WriteLine($"search (8 hits, highlights): {search}");
        output.WriteLine($"router:                      {route}");
        output.WriteLine($"router + emergency answer:   {emergency}");
    }

    private static string Time(string[] inputs, Func<string, bool> action)
    {
        const int rounds = 5;
        var samples = new List<double>(inputs.Length * rounds);
        for (var round = 0; round < rounds; round++)
        {
            foreach (var input in inputs)
            {
                var started = Stopwatch.GetTimestamp();
                Assert.True(action(input));
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        samples.Sort();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"p50 {samples[samples.Count / 2]:0.000} ms, p99 {samples[(int)(samples.Count * 0.99)]:0.000} ms over {samples.Count} calls");
    }
}

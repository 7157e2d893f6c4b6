using System.Text.RegularExpressions;
using HealthGuideBot.Core.Emergencies;
using HealthGuideBot.Core.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Knowledge.Tests.Emergencies;

[Collection(SharedKnowledgeIndex.Name)]
public sealed partial class EmergencyResponderTests(KnowledgeIndexFixture fixture)
{
    internal static readonly SchoolProfile School = new(
        "Hillside Primary School",
        "12 Hill Road, Exampletown",
        "EX4 9ZZ",
        "01234 111222",
        "the Hill Road gate by the car park",
        "the office manager meets the crew at the gate");

    public static TheoryData<string> EmergencyDocumentIdsInPriorityOrder => [.. EmergencyDocumentIds.Priority];

    [Theory]
    [MemberData(nameof(EmergencyDocumentIdsInPriorityOrder))]
    public void Respond_GivesTheStepsInDocumentOrder_VerbatimFromTheDocument(string documentId)
    {
        var answer = Responder(Today(2026, 12, 1)).Respond(documentId);

        Assert.NotNull(answer);
        Assert.Equal(documentId, answer.DocumentId);
        Assert.Equal(NumberedLinesOf(documentId, "What to do").Select(Fill), answer.Steps);
        Assert.Equal("What to do", answer.Source.Section);
        Assert.Equal(new DateOnly(2026, 11, 27), answer.Source.Reviewed);
    }

    [Theory]
    [MemberData(nameof(EmergencyDocumentIdsInPriorityOrder))]
    public void Respond_PutsThe999LineFirst_ExactlyWhenTheDocumentSaysSo(string documentId)
    {
        var document = fixture.Search.FindDocument(documentId)!; // every id in the priority list is in knowledge/
        var answer = Responder(Today(2026, 12, 1)).Respond(documentId)!;

        Assert.Equal(document.CallNineNineNineFirst, answer.CallNineNineNineFirst);
        if (document.CallNineNineNineFirst)
        {
            Assert.Equal(answer.CallNineNineNineIf[0], answer.ActionLines.First());
            Assert.Contains("999", answer.ActionLines.First(), StringComparison.Ordinal);
            Assert.Contains("999", answer.Steps[0], StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(answer.CallNineNineNineLine);
            Assert.Equal(answer.Steps, answer.ActionLines);
        }
    }

    [Fact]
    public void Respond_FillsTheTemplateFScriptFromTheSchoolProfile_LeavingNoPlaceholder()
    {
        var answer = Responder(Today(2026, 12, 1)).Respond(EmergencyDocumentIds.Asthma)!;
        var script = answer.CallHandlerScript;

        Assert.Equal(7, script.Count);
        Assert.Equal("Your phone number: \"I am calling from 01234 111222.\"", script[0]);
        Assert.Contains("Hillside Primary School, 12 Hill Road, Exampletown", script[2], StringComparison.Ordinal);
        Assert.Contains("EX4 9ZZ", script[3], StringComparison.Ordinal);
        Assert.Contains("the Hill Road gate by the car park", script[6], StringComparison.Ordinal);
        Assert.Contains("the office manager meets the crew at the gate", script[6], StringComparison.Ordinal);
        Assert.Equal("procedure-emergency-services", answer.ScriptSource?.DocumentId);
        foreach (var id in EmergencyDocumentIds.Priority)
        {
            var lines = Responder(Today(2026, 12, 1)).Respond(id)!;
            Assert.DoesNotContain(
                lines.CallHandlerScript.Concat(lines.Steps).Concat(lines.CallNineNineNineIf).Concat(lines.Signs).Concat(lines.AfterTheEmergency),
                line => line.Contains("{{", StringComparison.Ordinal) || line.Contains("}}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Respond_FlagsTheAnswer_WhenTheDocumentIsPastItsReviewDate()
    {
        Assert.False(Responder(Today(2027, 11, 27)).Respond(EmergencyDocumentIds.Choking)!.IsOverdue);
        Assert.True(Responder(Today(2027, 11, 28)).Respond(EmergencyDocumentIds.Choking)!.IsOverdue);
        Assert.False(Responder(Today(2027, 11, 28)).Respond(EmergencyDocumentIds.Choking)!.IsApproved);
    }

    [Fact]
    public void Respond_FallsBackToTheCalling999Procedure_WhenTheSchoolRemovedTheDocument()
    {
        var logger = new FakeLogger<EmergencyResponder>();
        var responder = new EmergencyResponder(fixture.Catalog, School, Today(2026, 12, 1), logger);

        var answer = responder.Respond("emergency-nosebleed");

        Assert.Equal(EmergencyDocumentIds.EmergencyServices, answer?.DocumentId);
        Assert.Contains(logger.Collector.GetSnapshot(), record => record.Id.Id == 4001);
    }

    [Fact]
    public void Constructor_RejectsAnIncompleteSchoolProfile_NamingTheMissingFields()
    {
        var exception = Assert.Throws<ArgumentException>(() => new EmergencyResponder(
            fixture.Catalog, School with { Postcode = " ", Entrance = "" }, TimeProvider.System, NullLogger<EmergencyResponder>.Instance));

        Assert.Contains("Postcode, Entrance", exception.Message, StringComparison.Ordinal);
    }

    private EmergencyResponder Responder(TimeProvider time) =>
        new(fixture.Catalog, School, time, NullLogger<EmergencyResponder>.Instance);

    private static FakeTimeProvider Today(int year, int month, int day)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        return time;
    }

    private static string Fill(string line) => line
        .Replace("{{school.entrance}}", School.Entrance, StringComparison.Ordinal)
        .Replace("{{school.meetingPoint}}", School.MeetingPoint, StringComparison.Ordinal);

    /// <summary>The numbered lines under a heading, read straight from the Markdown file (independently of the readers).</summary>
    private static IEnumerable<string> NumberedLinesOf(string documentId, string heading)
    {
        var path = Directory.EnumerateFiles(TestPaths.KnowledgeFolder, documentId + ".md", SearchOption.AllDirectories).Single();
        var inSection = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inSection = line[3..].Trim() == heading;
                continue;
            }

            if (inSection && NumberedLine().Match(line) is { Success: true } match)
            {
                yield return match.Groups[1].Value;
            }
        }
    }

    [GeneratedRegex(@"^\d+\. (.+)$")]
    private static partial Regex NumberedLine();
}

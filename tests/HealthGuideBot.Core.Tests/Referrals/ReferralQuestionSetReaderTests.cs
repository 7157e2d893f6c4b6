using HealthGuideBot.Core.Referrals;

namespace HealthGuideBot.Core.Tests.Referrals;

public sealed class ReferralQuestionSetReaderTests
{
    [Fact]
    public void Read_ParsesTypesChoicesConditionsAndPrefill()
    {
        var set = ReferralQuestionSetReader.Read(
            """
            {
              // comments are allowed
              "service": "camhs", "name": "CAMHS", "aliases": ["MHST"],
              "sections": [ { "id": "child", "title": "The child" } ],
              "questions": [
                { "id": "pupil", "section": "child", "label": "Pupil", "prompt": "Who?", "type": "pupil", "required": true },
                { "id": "lookedAfter", "section": "child", "label": "LAC", "prompt": "LAC?", "type": "yesNo", "required": true },
                { "id": "socialWorker", "section": "child", "label": "SW", "prompt": "SW?", "type": "text",
                  "condition": { "question": "lookedAfter", "equals": "yes" } },
                { "id": "days", "section": "child", "label": "Days", "prompt": "Days?", "type": "number",
                  "validation": { "min": 0, "max": 200 }, "prefill": "attendance.healthAbsenceDays" },
              ]
            }
            """,
            "test");

        Assert.Equal("camhs", set.Service);
        Assert.Equal(QuestionType.YesNo, set.Find("lookedAfter")!.Type);
        var socialWorker = set.Find("socialWorker")!;
        Assert.False(ReferralQuestionSet.Applies(socialWorker, new Dictionary<string, string> { ["lookedAfter"] = "no" }));
        Assert.True(ReferralQuestionSet.Applies(socialWorker, new Dictionary<string, string> { ["lookedAfter"] = "yes" }));
        Assert.Equal(200m, set.Find("days")!.Validation!.Max);
    }

    [Fact]
    public void Read_ListsEveryProblem()
    {
        var problem = Assert.Throws<InvalidDataException>(() => ReferralQuestionSetReader.Read(
            """
            {
              "service": "x", "name": "X", "sections": [ { "id": "a", "title": "A" } ],
              "questions": [
                { "id": "q1", "section": "nope", "label": "Q1", "prompt": "?", "type": "choice" },
                { "id": "q1", "section": "a", "label": "Q1", "prompt": "?", "type": "text", "condition": { "question": "later", "equals": "yes" }, "prefill": "plan.shoeSize" }
              ]
            }
            """,
            "bad.json"));

        Assert.Contains("unknown section 'nope'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("needs at least two choices", problem.Message, StringComparison.Ordinal);
        Assert.Contains("used twice", problem.Message, StringComparison.Ordinal);
        Assert.Contains("not an earlier question", problem.Message, StringComparison.Ordinal);
        Assert.Contains("unknown source 'plan.shoeSize'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("exactly one pupil question", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recognise_FindsTheServiceNamedInText()
    {
        var sets = new ReferralQuestionSets(
        [
            Set(ReferralServiceIds.Camhs, "CAMHS / Mental Health Support Team", "MHST"),
            Set(ReferralServiceIds.MultiAgencyPanel, "Multi-Agency Assessment Panel", "panel"),
            Set(ReferralServiceIds.EducationalPsychology, "Educational Psychology", "educational psychologist"),
        ]);

        Assert.Equal(ReferralServiceIds.Camhs, sets.Recognise("I need to refer Sam to CAMHS")?.Service);
        Assert.Equal(ReferralServiceIds.Camhs, sets.Recognise("the mhst please")?.Service);
        Assert.Equal(ReferralServiceIds.MultiAgencyPanel, sets.Recognise("refer Leo to the panel")?.Service);
        Assert.Equal(ReferralServiceIds.EducationalPsychology, sets.Recognise("an educational psychologist")?.Service);
        Assert.Equal(ReferralServiceIds.MultiAgencyPanel, sets.Recognise("2")?.Service);
        Assert.Null(sets.Recognise("the dentist"));
    }

    private static ReferralQuestionSet Set(string service, string name, string alias) => new()
    {
        Service = service,
        Name = name,
        Aliases = [alias],
        Sections = [new ReferralSection("a", "A")],
        Questions = [new ReferralQuestion { Id = "pupil", Section = "a", Label = "Pupil", Prompt = "?", Type = QuestionType.Pupil }],
    };
}

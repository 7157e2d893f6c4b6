using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Filing;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Core.Referrals;
using HealthGuideBot.Host.Conversations.Referrals;
using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Host.Tests.Conversations.Referrals;

/// <summary>A SENCO completes referrals by conversation, through the real host and its SQLite database.</summary>
public sealed class ReferralConversationTests
{
    [Fact]
    public async Task CamhsReferral_CompletesWithBackAndChange_AndIsSubmittedOnceWithItsFilings()
    {
        using var kit = new ReferralTestKit();
        kit.Plans.Plan = Plan("P0001");

        var replies = await kit.SayAsync("I need to refer Sam to CAMHS");
        Assert.Contains("CAMHS / Mental Health Support Team", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Sam Taylor", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("filled in 5 answers", replies[0].Text, StringComparison.Ordinal); // DOB and class (roster); family, professionals, condition (plan)

        // Up to "when did it start?", answer it, then go back from the next question and answer it differently.
        replies = await kit.AnswerUntilAsync(replies, ReferralTestKit.CamhsAnswers, stopAt: "startedOn");
        replies = await kit.SayAsync("14/09/2026");
        Assert.Equal("whyNow", ReferralTestKit.QuestionIn(replies[^1])?.Id);
        replies = await kit.SayAsync("back");
        Assert.Equal("startedOn", ReferralTestKit.QuestionIn(replies[^1])?.Id);
        Assert.Contains("Currently: **14 September 2026**", replies[^1].Text, StringComparison.Ordinal);
        replies = await kit.SayAsync("3 weeks ago");
        Assert.Equal("whyNow", ReferralTestKit.QuestionIn(replies[^1])?.Id);

        // A risky-sounding "no" is still just "no"; an unreadable date is asked again.
        replies = await kit.AnswerUntilAsync(replies, ReferralTestKit.CamhsAnswers);
        var card = ReferralTestKit.SummaryCard(replies);
        Assert.NotNull(card);
        var cardJson = card!.ToJsonString();
        Assert.Contains("6 November 2026", cardJson, StringComparison.Ordinal);
        Assert.Contains("Asthma (pre-filled)", cardJson, StringComparison.Ordinal);

        // "change <question>" from the summary: jump there, answer, and come straight back to the summary.
        replies = await kit.SayAsync("change the concern");
        Assert.Equal("concern", ReferralTestKit.QuestionIn(replies[^1])?.Id);
        replies = await kit.SayAsync("Low mood, withdrawn, and refusing to come into class in the mornings.");
        card = ReferralTestKit.SummaryCard(replies);
        Assert.NotNull(card);
        Assert.Contains("refusing to come into class", card!.ToJsonString(), StringComparison.Ordinal);

        var referralId = ReferralTestKit.SubmitReferralId(card);
        var submitted = await kit.SubmitAsync(new Dictionary<string, string> { ["verb"] = ReferralDialog.SubmitVerb, ["referralId"] = referralId });
        var confirmation = Assert.Single(submitted).Text!;
        Assert.Contains("**REF-2026-000001**", confirmation, StringComparison.Ordinal);
        Assert.Contains("Filing is pending", confirmation, StringComparison.Ordinal);

        // A double click: the second Submit finds no open form and submits nothing.
        var again = await kit.SubmitAsync(new Dictionary<string, string> { ["verb"] = ReferralDialog.SubmitVerb, ["referralId"] = referralId });
        Assert.Contains("already been submitted as **REF-2026-000001**", Assert.Single(again).Text, StringComparison.Ordinal);

        await using var scope = kit.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        var referral = Assert.Single(await db.Referrals.AsNoTracking().ToListAsync());
        Assert.Equal(referralId, referral.Id);
        Assert.Equal("REF-2026-000001", referral.Reference);
        Assert.Equal("P0001", referral.PupilId);
        var outbox = await db.Outbox.AsNoTracking().Where(o => o.RecordId == referralId).OrderBy(o => o.Key).ToListAsync();
        Assert.Equal([FilingTarget.Document, FilingTarget.Email, FilingTarget.RegisterEntry], outbox.Select(o => o.Target));
        Assert.Equal("Referrals", outbox[0].Destination);
        Assert.Equal("REF-2026-000001.docx", outbox[0].FileName);
        Assert.True(outbox[0].Content!.Length > 1000);
        Assert.Equal(ReferralTestKit.CamhsMailbox, outbox[1].MailTo);
        Assert.DoesNotContain("Taylor", outbox[1].MailSubject, StringComparison.Ordinal); // no pupil name in a subject line
        Assert.Equal("Referral register", outbox[2].Destination);

        var store = scope.ServiceProvider.GetRequiredService<IReferralStore>();
        var stored = await store.FindAsync(referralId, CancellationToken.None);
        Assert.Equal("6 November 2026", stored!.Answers.Single(a => a.QuestionId == "startedOn").Value);
        Assert.Equal("Not given", stored.Answers.Single(a => a.QuestionId == "language").Value);

        var audit = await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { ActorId = ReferralTestKit.Megan, RecordType = "referral" }, CancellationToken.None);
        Assert.Contains(audit, r => r.Entry.Action == "referral.start" && r.Entry.Outcome == AuditOutcome.Allowed && r.Entry.RecordId == referralId);
        Assert.True(audit.Count(r => r.Entry.Action == "referral.update") >= 15);
        Assert.Contains(audit, r => r.Entry.Action == "referral.submit" && r.Entry.Outcome == AuditOutcome.Allowed);

        // No answer text, pupil name or date of birth in any log record.
        Assert.True(kit.Logs.Records.Length > 20);
        foreach (var canary in new[] { "Sam Taylor", "Jo Taylor", "tearful", "refusing to come", "Nurture group", "07700", "2016-03-14" })
        {
            Assert.DoesNotContain(kit.Logs.Records, record => record.Contains(canary, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task StatusQuestion_ShowsTheReference_AndWhereEachFilingStands()
    {
        using var kit = new ReferralTestKit();
        var referralId = await SubmitCamhsReferralAsync(kit);
        kit.Statuses.ByRecord[$"referral:{referralId}"] =
        [
            new FilingStatus($"referral:{referralId}:v1:document", FilingTarget.Document, FilingState.Filed, "https://school.sharepoint.example/Referrals/REF-2026-000001.docx", 1, null),
            new FilingStatus($"referral:{referralId}:v1:email", FilingTarget.Email, FilingState.Retrying, null, 2, new DateTimeOffset(2026, 11, 27, 10, 15, 0, TimeSpan.Zero)),
            new FilingStatus($"referral:{referralId}:v1:register", FilingTarget.RegisterEntry, FilingState.Pending, null, 0, null),
        ];

        var status = Assert.Single(await kit.SayAsync("what's the status of my referral?")).Text!;

        Assert.Contains("**REF-2026-000001**", status, StringComparison.Ordinal);
        Assert.Contains("Document: filed ([open](https://school.sharepoint.example/Referrals/REF-2026-000001.docx))", status, StringComparison.Ordinal);
        Assert.Contains("Email to the service: waiting and retrying (attempt 2; next try at 10:15)", status, StringComparison.Ordinal);
        Assert.Contains("Register entry: waiting to be filed", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_OnlyOptionalQuestions_AndSaveForLater_SurvivesARestart_AndResumes()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "hgb-host-tests", Guid.NewGuid().ToString("N"));
        using (var kit = new ReferralTestKit(dataFolder))
        {
            var replies = await kit.SayAsync("refer Sam Taylor to CAMHS");
            Assert.Equal("language", ReferralTestKit.QuestionIn(replies[^1])?.Id);
            replies = await kit.SayAsync("skip");
            Assert.Equal("parentsCarers", ReferralTestKit.QuestionIn(replies[^1])?.Id);
            replies = await kit.SayAsync("skip");
            Assert.Contains("can't be skipped", replies[0].Text, StringComparison.Ordinal);
            Assert.Equal("parentsCarers", ReferralTestKit.QuestionIn(replies[^1])?.Id);
            await kit.SayAsync("Jo Taylor (mother), 07700 900123");
            replies = await kit.SayAsync("save for later");
            Assert.True(replies.Count == 1 && replies[0].Text?.Contains("Saved for later", StringComparison.Ordinal) == true, ReferralTestKit.Describe(replies));
            replies = await kit.SayAsync("continue my referral");
            Assert.Equal("household", ReferralTestKit.QuestionIn(replies[^1])?.Id);
            await kit.SayAsync("save for later");
        }

        using var restarted = new ReferralTestKit(dataFolder);
        var afterRestart = await restarted.SayAsync("continue my referral");
        Assert.Equal("household", ReferralTestKit.QuestionIn(afterRestart[^1])?.Id);
        afterRestart = await restarted.SayAsync("back");
        Assert.Equal("parentsCarers", ReferralTestKit.QuestionIn(afterRestart[^1])?.Id);
        Assert.Contains("Jo Taylor (mother)", afterRestart[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerRevealingRisk_StopsTheForm_GivesTheEmergencyAndSafeguardingRouteFirst_AndKeepsTheDraft()
    {
        using var kit = new ReferralTestKit();
        var replies = await kit.SayAsync("I need to refer Sam to CAMHS");
        replies = await kit.AnswerUntilAsync(replies, ReferralTestKit.CamhsAnswers, stopAt: "concern");

        replies = await kit.SayAsync("He told me his dad hits him when he gets home late and he doesn't want to go home.");

        Assert.Contains("call 999", replies[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("designated safeguarding lead (Megan Bowen)", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("continue my referral", replies[^1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(replies, r => ReferralTestKit.QuestionIn(r) is not null);

        // The form is stopped: the next message is not taken as an answer. The draft resumes after the concern.
        var help = await kit.SayAsync("help");
        Assert.DoesNotContain(help, r => ReferralTestKit.QuestionIn(r) is not null);
        var resumed = await kit.SayAsync("continue my referral");
        Assert.Equal("startedOn", ReferralTestKit.QuestionIn(resumed[^1])?.Id);

        await using var scope = kit.Host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Action = "referral.risk" }, CancellationToken.None);
        Assert.Single(audit);
    }

    [Fact]
    public async Task Teacher_IsRefused_AndTheRefusalIsAudited()
    {
        using var kit = new ReferralTestKit();

        var replies = await kit.SayAsync("I need to refer Sam to CAMHS", ReferralTestKit.Adele);

        Assert.Contains("Only the SENCO", Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam", replies[0].Text, StringComparison.Ordinal);
        await using var scope = kit.Host.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { ActorId = ReferralTestKit.Adele }, CancellationToken.None);
        var denied = Assert.Single(audit);
        Assert.Equal("referral.start", denied.Entry.Action);
        Assert.Equal(AuditOutcome.Denied, denied.Entry.Outcome);
        Assert.Equal(StaffRole.Teacher, denied.Entry.ActorRole);

        // Nothing was started: the teacher's next message is not taken as an answer.
        var next = await kit.SayAsync("Sam Taylor", ReferralTestKit.Adele);
        Assert.DoesNotContain(next, r => ReferralTestKit.QuestionIn(r) is not null);
    }

    [Fact]
    public async Task AttendanceTriggerCard_StartsAPanelReferral_PrefilledWithDaysMissed_AndAGpLetterAloneIsNotEnough()
    {
        using var kit = new ReferralTestKit();

        var replies = await kit.ExecuteAsync(ReferralConversation.StartVerb, new Dictionary<string, object> { ["service"] = ReferralServiceIds.MultiAgencyPanel, ["pupilId"] = "P0001", ["healthAbsenceDays"] = 11 });
        Assert.Contains("Multi-Agency Assessment Panel", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Sam Taylor", replies[0].Text, StringComparison.Ordinal);

        replies = await kit.SayAsync("change days missed");
        Assert.Contains("Currently: **11**", replies[^1].Text, StringComparison.Ordinal);
        await kit.SayAsync("keep");
        replies = await kit.SayAsync("change medical evidence");
        replies = await kit.SayAsync("a GP letter only");
        Assert.Contains("A GP letter alone is not enough", replies[0].Text, StringComparison.Ordinal);
        replies = await kit.SayAsync("consultant");

        // Answered: back to where the referrer was, the first question still unanswered.
        Assert.Contains("What is their first language", replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewReferral_AsksForTheServiceAndThePupil_AndParsesFreeText()
    {
        using var kit = new ReferralTestKit();

        var replies = await kit.SayAsync("new referral");
        Assert.Contains("Which service", replies[^1].Text, StringComparison.Ordinal);
        Assert.NotNull(replies[^1].SuggestedActions);
        replies = await kit.SayAsync("CAMHS");
        Assert.Equal("pupil", ReferralTestKit.QuestionIn(replies[^1])?.Id);
        replies = await kit.SayAsync("Nobody Known");
        Assert.Contains("can't find a pupil", replies[0].Text, StringComparison.Ordinal);
        replies = await kit.SayAsync("amira khan");
        Assert.Equal("language", ReferralTestKit.QuestionIn(replies[^1])?.Id);
        replies = await kit.SayAsync("change class");
        Assert.Contains("Currently: **5B**", replies[^1].Text, StringComparison.Ordinal);
        replies = await kit.SayAsync("she's in year 5 b");
        Assert.Equal("language", ReferralTestKit.QuestionIn(replies[^1])?.Id);
    }

    private static async Task<string> SubmitCamhsReferralAsync(ReferralTestKit kit)
    {
        var replies = await kit.AnswerUntilAsync(await kit.SayAsync("refer Sam to CAMHS"), ReferralTestKit.CamhsAnswers);
        var referralId = ReferralTestKit.SubmitReferralId(ReferralTestKit.SummaryCard(replies)!);
        var submitted = await kit.SayAsync("submit");
        Assert.Contains("REF-2026-000001", submitted[0].Text, StringComparison.Ordinal);
        return referralId;
    }

    private static HealthcarePlan Plan(string pupilId) => new()
    {
        PlanId = "plan-1",
        Version = 1,
        PupilId = pupilId,
        PupilName = "Sam Taylor",
        ClassName = "5B",
        DateOfBirth = new DateOnly(2016, 3, 14),
        Condition = "Asthma",
        PlanDate = new DateOnly(2026, 9, 10),
        ReviewDate = new DateOnly(2027, 9, 10),
        FamilyContacts = [new FamilyContact("Jo Taylor", "Mother", null, null, "07700 900123")],
        GeneralPractitioner = new ProfessionalContact("Dr Hughes", "01234 000111"),
        SupportInSchool = "Class teacher",
        MedicalNeeds = new MedicalNeeds("Wheeze", "Cold air", null, "Reliever inhaler", null, null),
        Medicines = [],
        Emergency = new PlanEmergency("Severe attack", "Call 999", "First aider", null),
        DevelopedWith = new PlanDevelopedWith(true, true, true, null),
        ResponsibleNurseUserId = "00000000-0000-0000-0000-0000000000020",
        CreatedByUserId = "00000000-0000-0000-0000-0000000000020",
        CreatedAt = new DateTimeOffset(2026, 9, 10, 9, 0, 0, TimeSpan.Zero),
    };
}

using System.Text.Json.Nodes;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Host.Conversations.HealthcarePlans;
using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static HealthGuideBot.Host.Tests.Conversations.HealthcarePlans.PlanFormHost;

namespace HealthGuideBot.Host.Tests.Conversations.HealthcarePlans;

/// <summary>The healthcare plan form through the real host: cards in place, validation, drafts, restarts, access, reviews.</summary>
public sealed class PlanFormTests
{
    private static readonly string NurseId = FakeRoster.AadId(FakeRoster.NurseChannelId);
    private static readonly string TeacherId = FakeRoster.AadId(FakeRoster.TeacherChannelId);

    [Fact]
    public async Task Nurse_CreatesAPlan_EndToEnd_WithUkDatesCorrectInBritishSummerTime()
    {
        // 23:30 UTC on 14 July is 00:30 on 15 July in London: the plan is dated the 15th.
        using var form = new PlanFormHost(time: new FakeTimeProvider(new DateTimeOffset(2026, 7, 14, 23, 30, 0, TimeSpan.Zero)));
        const string conversation = "a:plan-create";

        var card = CardOf(await form.SayAsync("create an IHP for Sam Taylor", conversation, 1));
        Assert.Contains("Step 1 of 9: About the pupil and their condition", Text(card), StringComparison.Ordinal);
        Assert.Equal("14/03/2015", Inputs(card)["dateOfBirth"]["value"]!.GetValue<string>());
        var answers = ValidAnswers();
        for (var step = 1; step <= 8; step++)
        {
            if (step == 8)
            {
                Assert.Equal("15/07/2027", Inputs(card)["reviewDate"]["value"]!.GetValue<string>());
                Assert.Equal(NurseId, Inputs(card)["responsibleNurse"]["value"]!.GetValue<string>());
            }

            card = await form.ExecuteAsync("plans.form.next", CurrentValues(card, answers[step]), conversation);
        }

        var summary = Text(card);
        Assert.Contains("New healthcare plan for Sam Taylor", summary, StringComparison.Ordinal);
        Assert.Contains("15/07/2026", summary, StringComparison.Ordinal);
        Assert.Contains("The pupil, supervised by staff", summary, StringComparison.Ordinal);

        var saved = await form.ExecuteAsync("plans.form.submit", new { submissionId = SubmissionId(card) }, conversation);

        Assert.Contains("Healthcare plan saved", Text(saved), StringComparison.Ordinal);
        Assert.Contains("Filing is pending", Text(saved), StringComparison.Ordinal);
        using var scope = form.Host.Services.CreateScope();
        var plan = await scope.ServiceProvider.GetRequiredService<IHealthcarePlanStore>().GetCurrentForPupilAsync("P0001", CancellationToken.None);
        Assert.NotNull(plan);
        Assert.Equal((1, new DateOnly(2026, 7, 15), new DateOnly(2027, 7, 15)), (plan.Version, plan.PlanDate, plan.ReviewDate));
        Assert.Equal(("Asthma", new DateOnly(2015, 3, 14), "5B", NurseId), (plan.Condition, plan.DateOfBirth, plan.ClassName, plan.CreatedByUserId));
        Assert.Equal(MedicineAdministration.SelfAdministeredSupervised, Assert.Single(plan.Medicines).Administration);
        Assert.Equal(new PlanDevelopedWith(true, true, false, null), plan.DevelopedWith);
        Assert.Equal("07700 900123", Assert.Single(plan.FamilyContacts).MobilePhone);

        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        var filings = await db.Outbox.AsNoTracking().OrderBy(e => e.Key).ToListAsync();
        Assert.Equal(
            [$"plan:{plan.PlanId}:v1:document", $"plan:{plan.PlanId}:v1:emergency-summary", $"plan:{plan.PlanId}:v1:register"],
            filings.Select(f => f.Key));
        Assert.Equal(["Healthcare plans", "Healthcare plans", "Plan register"], filings.Select(f => f.Destination));
        Assert.All(filings, f => Assert.DoesNotContain("Sam", f.FileName ?? string.Empty, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("\"reviewDate\":\"2027-07-15\"", filings[2].FieldsJson!, StringComparison.Ordinal);
        Assert.Equal(new PlanReviewDue(plan.PlanId, 1, "P0001", new DateOnly(2027, 7, 15), NurseId), Assert.Single(form.Scheduler.Scheduled));

        var audit = await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { ActorId = NurseId, RecordId = plan.PlanId }, CancellationToken.None);
        Assert.Contains(audit, r => r.Entry.Action == "plan.create" && r.Entry.Outcome == AuditOutcome.Allowed);
    }

    [Fact]
    public async Task InvalidAnswers_AreShownOnTheCard_AndTheFormStaysOnTheStep()
    {
        using var form = new PlanFormHost();
        const string conversation = "a:plan-invalid";
        var card = CardOf(await form.SayAsync("new healthcare plan", conversation, 1));
        Assert.Contains("Step 1 of 10: Pupil", Text(card), StringComparison.Ordinal);
        card = await form.ExecuteAsync("plans.form.next", new Dictionary<string, string> { ["pupilName"] = "Sam Taylor" }, conversation);

        var invalid = await form.ExecuteAsync("plans.form.next", new Dictionary<string, string> { ["dateOfBirth"] = "31/02/2015", ["condition"] = " " }, conversation);

        var text = Text(invalid);
        Assert.Contains("Step 2 of 10: About the pupil and their condition", text, StringComparison.Ordinal);
        Assert.Contains("Please check these before going on:", text, StringComparison.Ordinal);
        Assert.Contains("Enter a real date of birth as dd/mm/yyyy, for example 14/03/2015.", text, StringComparison.Ordinal);
        Assert.Contains("Enter the pupil's medical diagnosis or condition.", text, StringComparison.Ordinal);
        Assert.Equal("31/02/2015", Inputs(invalid)["dateOfBirth"]["value"]!.GetValue<string>());
        Assert.True(Inputs(invalid)["condition"]["isRequired"]!.GetValue<bool>());
        Assert.NotNull(Inputs(invalid)["dateOfBirth"]["regex"]);

        var fixedCard = await form.ExecuteAsync("plans.form.next", new Dictionary<string, string> { ["dateOfBirth"] = "14/03/2015", ["condition"] = "Asthma" }, conversation);
        Assert.Contains("Step 3 of 10: Family contacts", Text(fixedCard), StringComparison.Ordinal);
        Assert.DoesNotContain("Please check these", Text(fixedCard), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmbiguousName_OffersTheMatchingPupilsToChooseFrom()
    {
        using var form = new PlanFormHost();
        const string conversation = "a:plan-ambiguous";

        var card = CardOf(await form.SayAsync("create an IHP for Sam", conversation, 1));
        var choices = Inputs(card)["pupilChoice"]["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>());
        Assert.Equal(["Sam Taylor (5B)", "Sam Okafor (6A)"], choices);

        var next = await form.ExecuteAsync("plans.form.next", new Dictionary<string, string> { ["pupilChoice"] = "P0003" }, conversation);
        Assert.Contains("Sam Okafor, class 6A", Text(next), StringComparison.Ordinal);
        Assert.Equal("02/09/2014", Inputs(next)["dateOfBirth"]["value"]!.GetValue<string>());
    }

    [Fact]
    [Trait("Security", "E53")]
    public async Task SaveDraft_ThenRestart_ThenContinueMyDraft_ResumesWhereItWas()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "hgb-host-tests", Guid.NewGuid().ToString("N"));
        const string conversation = "a:plan-draft";
        using (var first = new PlanFormHost(dataFolder))
        {
            var card = CardOf(await first.SayAsync("create an IHP for Sam Taylor", conversation, 1));
            card = await first.ExecuteAsync("plans.form.next", CurrentValues(card, ValidAnswers()[1]), conversation);
            Assert.Contains("Family contacts", Text(card), StringComparison.Ordinal);

            var saved = await first.ExecuteAsync("plans.form.saveDraft", null, conversation);
            Assert.Contains(PlanFormDialog.DraftSavedText, Text(saved), StringComparison.Ordinal);
        }

        using var second = new PlanFormHost(dataFolder);
        var resumed = CardOf(await second.SayAsync("continue my draft", conversation, 1));
        Assert.Contains("Step 2 of 9: Family contacts", Text(resumed), StringComparison.Ordinal);
        Assert.Contains("Sam Taylor, class 5B", Text(resumed), StringComparison.Ordinal);

        var back = await second.ExecuteAsync("plans.form.back", null, conversation);
        Assert.Equal("Asthma", Inputs(back)["condition"]["value"]!.GetValue<string>());
    }

    [Fact]
    [Trait("Security", "E53")]
    public async Task RestartMidForm_TheOpenFormCarriesOnFromTheSameStep()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "hgb-host-tests", Guid.NewGuid().ToString("N"));
        const string conversation = "a:plan-restart";
        JsonObject card;
        using (var first = new PlanFormHost(dataFolder))
        {
            card = CardOf(await first.SayAsync("create an IHP for Sam Taylor", conversation, 1));
            card = await first.ExecuteAsync("plans.form.next", CurrentValues(card, ValidAnswers()[1]), conversation);
        }

        using var second = new PlanFormHost(dataFolder);
        var next = await second.ExecuteAsync("plans.form.next", CurrentValues(card, ValidAnswers()[2]), conversation);

        Assert.Contains("Step 3 of 9: Clinic, GP and support in school", Text(next), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DoubleSubmit_CreatesOnePlan()
    {
        using var form = new PlanFormHost();
        const string conversation = "a:plan-double";
        var summary = await form.DriveToSummaryAsync(conversation);
        var submission = new { submissionId = SubmissionId(summary) };

        var both = await Task.WhenAll(
            form.ExecuteAsync("plans.form.submit", submission, conversation),
            form.ExecuteAsync("plans.form.submit", submission, conversation));
        var third = await form.ExecuteAsync("plans.form.submit", submission, conversation);

        Assert.Contains(both, c => Text(c).Contains("Healthcare plan saved", StringComparison.Ordinal));
        Assert.Contains(PlanFormConversation.FormClosedText, Text(third), StringComparison.Ordinal);
        using var scope = form.Host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        Assert.Equal(1, await db.HealthcarePlanVersions.CountAsync());
        Assert.Equal(3, await db.Outbox.CountAsync());
    }

    [Fact]
    public async Task Submit_IsAnsweredAtOnce_AndTheClassTeacherIsAskedToAcknowledgeInTheBackground()
    {
        using var form = new PlanFormHost();
        const string conversation = "a:plan-ack";
        var handled = new TaskCompletionSource<HealthcarePlan>(TaskCreationOptions.RunContinuationsAsynchronously);
        form.Host.Services.GetRequiredService<PlanSavedQueue>().Handled = plan => handled.TrySetResult(plan);
        var summary = await form.DriveToSummaryAsync(conversation);

        var saved = await form.ExecuteAsync("plans.form.submit", new { submissionId = SubmissionId(summary) }, conversation);

        Assert.Contains("Healthcare plan saved", Text(saved), StringComparison.Ordinal);
        var plan = await handled.Task.WaitAsync(PlanFormHost.Timeout);
        var request = Assert.Single(form.Notifier.Sent.Values);
        Assert.Equal(TeacherId, request.UserId);
        Assert.Equal($"plan-ack:{plan.PlanId}:v1:{TeacherId}", request.Key);
        Assert.Equal("plans.acknowledge", request.Card.GetProperty("actions")[0].GetProperty("verb").GetString());
    }

    [Fact]
    [Trait("Security", "G79")]
    public async Task Teacher_IsRefusedPolitely_RevealingNothing_AndTheDenialIsAudited()
    {
        using var form = new PlanFormHost();
        const string conversation = "a:plan-teacher";

        var known = await form.SayAsync("create an IHP for Sam Taylor", conversation, 1, FakeRoster.TeacherChannelId);
        var unknown = await form.SayAsync("create an IHP for Nobody Known", conversation, 2, FakeRoster.TeacherChannelId);
        var button = await form.ExecuteAsync(PlanFormConversation.StartVerb, null, conversation, FakeRoster.TeacherChannelId);

        Assert.Equal(PlanFormConversation.RefusalText, known.Text);
        Assert.Null(known.Attachments);
        Assert.Equal(known.Text, unknown.Text);
        Assert.Contains(PlanFormConversation.RefusalText, Text(button), StringComparison.Ordinal);
        using var scope = form.Host.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { ActorId = TeacherId }, CancellationToken.None);
        var denied = Assert.Single(audit, r => r.Entry.RecordId == "P0001");
        Assert.Equal(("plan.create", AuditOutcome.Denied, StaffRole.Teacher), (denied.Entry.Action, denied.Entry.Outcome, denied.Entry.ActorRole));
        Assert.All(audit, r => Assert.Equal(AuditOutcome.Denied, r.Entry.Outcome));
        Assert.DoesNotContain(form.Host.Connector.Sent, s => s.Activity?.Attachments is not null);
    }

    [Fact]
    public async Task ReviewStart_OpensTheFormPrefilled_ShowsChanges_AndSubmittingSavesANewVersion()
    {
        using var form = new PlanFormHost();
        const string conversation = "a:plan-review";
        string planId;
        using (var scope = form.Host.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IHealthcarePlanStore>();
            var v1 = await store.SaveVersionAsync(SeedPlan("Asthma"), "seed-1", _ => [], CancellationToken.None);
            await store.SaveVersionAsync(SeedPlan("Asthma and eczema") with { PlanId = v1.PlanId }, "seed-2", _ => [], CancellationToken.None);
            planId = v1.PlanId;
        }

        var card = await form.ExecuteAsync(PlanFormConversation.ReviewStartVerb, new { planId }, conversation);

        var text = Text(card);
        Assert.Contains("Review of the healthcare plan (version 2)", text, StringComparison.Ordinal);
        Assert.Contains("What changed in version 2", text, StringComparison.Ordinal);
        Assert.Contains("Medical diagnosis or condition: \"Asthma\" → \"Asthma and eczema\"", text, StringComparison.Ordinal);
        Assert.Equal("Asthma and eczema", Inputs(card)["condition"]["value"]!.GetValue<string>());
        Assert.Equal("14/03/2015", Inputs(card)["dateOfBirth"]["value"]!.GetValue<string>());

        card = await form.ExecuteAsync("plans.form.next", CurrentValues(card, new Dictionary<string, string> { ["condition"] = "Asthma, eczema and hay fever" }), conversation);
        Assert.Equal("Jo Taylor", Inputs(card)["contact1Name"]["value"]!.GetValue<string>());
        for (var step = 2; step <= 8; step++)
        {
            card = await form.ExecuteAsync("plans.form.next", CurrentValues(card), conversation);
        }

        var summary = Text(card);
        Assert.Contains("Changes from version 2", summary, StringComparison.Ordinal);
        Assert.Contains("Medical diagnosis or condition: \"Asthma and eczema\" → \"Asthma, eczema and hay fever\"", summary, StringComparison.Ordinal);
        Assert.Contains("Submitting saves version 3", summary, StringComparison.Ordinal);

        var saved = await form.ExecuteAsync("plans.form.submit", new { submissionId = SubmissionId(card) }, conversation);

        Assert.Contains("Healthcare plan saved", Text(saved), StringComparison.Ordinal);
        using var after = form.Host.Services.CreateScope();
        var current = await after.ServiceProvider.GetRequiredService<IHealthcarePlanStore>().GetCurrentAsync(planId, CancellationToken.None);
        Assert.Equal((3, "Asthma, eczema and hay fever", "Salbutamol"), (current!.Version, current.Condition, current.Medicines[0].Name));
        Assert.Equal(3, Assert.Single(form.Scheduler.Scheduled).Version);
    }

    private static HealthcarePlan SeedPlan(string condition) => new()
    {
        PlanId = Guid.NewGuid().ToString("N"),
        Version = 0,
        PupilId = "P0001",
        PupilName = "Sam Taylor",
        ClassName = "5B",
        DateOfBirth = new DateOnly(2015, 3, 14),
        Condition = condition,
        PlanDate = new DateOnly(2025, 3, 2),
        ReviewDate = new DateOnly(2026, 3, 2),
        FamilyContacts = [new FamilyContact("Jo Taylor", "Mother", null, null, "07700 900123")],
        SupportInSchool = "Class teacher and the school nurse",
        MedicalNeeds = new MedicalNeeds("Wheeze, cough", "Cold air, exercise", null, "Blue reliever inhaler", null, null),
        Medicines = [new PlanMedicine("Salbutamol", "2 puffs", "Inhaler with spacer", "When wheezy", null, null, MedicineAdministration.SelfAdministeredSupervised, "Red bag in 5B")],
        Emergency = new PlanEmergency("Cannot speak in full sentences", "Give 10 puffs; call 999 if no better", "Class teacher", null),
        DevelopedWith = new PlanDevelopedWith(Parent: true, Pupil: true, SchoolNurse: true, null),
        ResponsibleNurseUserId = NurseId,
        CreatedByUserId = NurseId,
        CreatedAt = new DateTimeOffset(2025, 3, 2, 9, 0, 0, TimeSpan.Zero),
    };
}

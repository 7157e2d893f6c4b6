using System.Text.Json.Nodes;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Core.HealthcarePlans.Reviews;
using HealthGuideBot.Core.Notifications;
using HealthGuideBot.Core.Pupils;
using HealthGuideBot.Host.Conversations.HealthcarePlans;
using HealthGuideBot.Testing;
using HealthGuideBot.Testing.HealthcarePlans;
using HealthGuideBot.Testing.Notifications;
using HealthGuideBot.Testing.Roster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Host.Tests.Conversations;

/// <summary>
/// "Show Sam's emergency plan" through the real host: the summary card for entitled staff, one neutral answer for
/// everyone else (audited as denied), acknowledgements recorded once, emergencies still answered first.
/// </summary>
public sealed class PlanLookupTests : IDisposable
{
    private const string Neutral = "I can't show health information about that pupil. If you need it, ask the school nurse or the first aid lead.";

    private readonly InMemoryHealthcarePlanStore _plans = new();
    private readonly RecordingStaffNotifier _notifier = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    private readonly BotHostFactory _host;

    public PlanLookupTests()
    {
        _plans.Seed(SamplePlans.SamTaylorAsthma(version: 2));
        _host = new BotHostFactory(services: services =>
        {
            services.AddSingleton<IStaffDirectory>(new InMemoryStaffDirectory(TestRoster.Staff));
            services.AddSingleton<IPupilDirectory>(new InMemoryPupilDirectory([.. TestRoster.Pupils, new Pupil("P0009", "Sam Okafor", "3A", null)]));
            services.AddSingleton<IAccessPolicy, PupilAccessPolicy>();
            services.AddScoped<PupilRecordGate>();
            services.AddSingleton<IHealthcarePlanStore>(_plans);
            services.AddSingleton<IStaffNotifier>(_notifier);
            services.AddSingleton<TimeProvider>(_time);
        });
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task EntitledTeacher_GetsTheEmergencySummaryCard_WithCall999FirstAndAnAcknowledgeButton()
    {
        var message = From(TestRoster.AdeleVanceTeacher5B, "show Sam Taylor's emergency plan");

        await _host.PostActivityAsync(message);

        var card = CardOf(Assert.Single(_host.Connector.SentTo(message.Conversation!.Id!)));
        var json = card.ToJsonString();
        Assert.Contains("Sam Taylor (5B)", json, StringComparison.Ordinal);
        Assert.Contains("Call 999 first", json, StringComparison.Ordinal);
        Assert.Contains("Red bag in 5B classroom", json, StringComparison.Ordinal);
        Assert.Contains("07700 900001", json, StringComparison.Ordinal);
        Assert.Equal(["plans.acknowledge", "plans.emergency"], Verbs(card));
        var action = card["actions"]![0]!;
        Assert.Equal("plan-sam", action["data"]!["planId"]!.GetValue<string>());
        Assert.Equal(2, action["data"]!["version"]!.GetValue<int>());
        Assert.Equal(AuditOutcome.Allowed, Assert.Single(await AuditAsync(TestRoster.AdeleVanceTeacher5B)).Entry.Outcome);
    }

    [Theory]
    [InlineData(TestRoster.IsaiahLangerTeacher6A)]
    [InlineData(TestRoster.PattiFernandezOffice)]
    [InlineData("someone-not-on-the-roster")]
    public async Task UnentitledStaff_GetTheNeutralAnswer_AndTheAuditShowsDenied(string userId)
    {
        var message = From(userId, "does Sam Taylor have a healthcare plan?");

        await _host.PostActivityAsync(message);

        var reply = Assert.Single(_host.Connector.SentTo(message.Conversation!.Id!)).Activity!;
        Assert.Equal(Neutral, reply.Text);
        Assert.Null(reply.Attachments);
        var audit = Assert.Single(await AuditAsync(userId));
        Assert.Equal(AuditOutcome.Denied, audit.Entry.Outcome);
        Assert.Equal("P0001", audit.Entry.RecordId);
    }

    [Fact]
    public async Task UnknownPupil_AndAPupilWithoutEntitlement_GetTheSameText()
    {
        var unknown = From(TestRoster.IsaiahLangerTeacher6A, "has Zebedee Quill got an IHP", "a:c-unknown");
        var existing = From(TestRoster.IsaiahLangerTeacher6A, "has Sam Taylor got an IHP", "a:c-existing");

        await _host.PostActivityAsync(unknown);
        await _host.PostActivityAsync(existing);

        Assert.Equal(Neutral, Assert.Single(_host.Connector.SentTo("a:c-unknown")).Activity!.Text);
        Assert.Equal(Neutral, Assert.Single(_host.Connector.SentTo("a:c-existing")).Activity!.Text);
    }

    [Fact]
    public async Task EntitledTeacher_OfAPupilWithoutAPlan_IsToldThereIsNone()
    {
        var message = From(TestRoster.AdeleVanceTeacher5B, "does Amira have a care plan");

        await _host.PostActivityAsync(message);

        Assert.StartsWith("Amira Khan (5B) has no healthcare plan on record.", Assert.Single(_host.Connector.SentTo(message.Conversation!.Id!)).Activity!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledge_RecordsOnce_WhenDoubleClicked_AndReplacesTheCardInPlace()
    {
        var first = Execute(TestRoster.AdeleVanceTeacher5B, "plans.acknowledge", new { planId = "plan-sam", version = 2 });
        var second = Execute(TestRoster.AdeleVanceTeacher5B, "plans.acknowledge", new { planId = "plan-sam", version = 2 });

        using var response = await _host.PostActivityAsync(first);
        using var again = await _host.PostActivityAsync(second);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        var card = body["value"]!.AsObject();
        Assert.Contains("Acknowledged 27/11/2026", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["plans.emergency"], Verbs(card));
        Assert.Equal("application/vnd.microsoft.card.adaptive", JsonNode.Parse(await again.Content.ReadAsStringAsync())!["type"]!.GetValue<string>());
        var acknowledgement = Assert.Single(_plans.Acknowledgements);
        Assert.Equal(("plan-sam", 2, TestRoster.AdeleVanceTeacher5B), acknowledgement.Key);
        Assert.Equal(1, _plans.AcknowledgeCalls);
        Assert.Empty(_host.Connector.Sent);
    }

    [Fact]
    public async Task RecordEmergency_ByAnEntitledTeacher_MakesTheReviewDueToday_ReplacesTheCard_AndIsAudited()
    {
        await ScheduleReviewAsync(new DateOnly(2027, 9, 1));

        using var response = await _host.PostActivityAsync(Execute(TestRoster.AdeleVanceTeacher5B, "plans.emergency", new { planId = "plan-sam", version = 2 }));

        var card = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.AsObject();
        Assert.Contains("Emergency recorded 27/11/2026", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["plans.acknowledge"], Verbs(card));
        Assert.Equal(new DateOnly(2026, 11, 27), (await FindScheduleAsync())!.DueDate);
        var audit = Assert.Single(await AuditAsync(TestRoster.AdeleVanceTeacher5B));
        Assert.Equal(("plan.emergency-recorded", AuditOutcome.Allowed), (audit.Entry.Action, audit.Entry.Outcome));
        Assert.Empty(_host.Connector.Sent);
    }

    [Fact]
    public async Task RecordEmergency_ByAnUnentitledUser_ChangesNothing()
    {
        await ScheduleReviewAsync(new DateOnly(2027, 9, 1));

        using var response = await _host.PostActivityAsync(Execute(TestRoster.IsaiahLangerTeacher6A, "plans.emergency", new { planId = "plan-sam", version = 2 }));

        Assert.Equal(Neutral, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.GetValue<string>());
        Assert.Equal(new DateOnly(2027, 9, 1), (await FindScheduleAsync())!.DueDate);
        Assert.Equal(AuditOutcome.Denied, Assert.Single(await AuditAsync(TestRoster.IsaiahLangerTeacher6A)).Entry.Outcome);
    }

    [Fact]
    public async Task Acknowledge_ByAnUnentitledUser_RecordsNothing()
    {
        using var response = await _host.PostActivityAsync(Execute(TestRoster.PattiFernandezOffice, "plans.acknowledge", new { planId = "plan-sam", version = 2 }));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(Neutral, body["value"]!.GetValue<string>());
        Assert.Empty(_plans.Acknowledgements);
        Assert.Equal(AuditOutcome.Denied, Assert.Single(await AuditAsync(TestRoster.PattiFernandezOffice)).Entry.Outcome);
    }

    [Fact]
    public async Task AmbiguousName_ForEntitledStaff_OffersAChoice_ThenShowsTheChosenPupil()
    {
        var message = From(TestRoster.AlexWilberNurse, "show Sam's care plan");

        await _host.PostActivityAsync(message);
        var choice = CardOf(Assert.Single(_host.Connector.SentTo(message.Conversation!.Id!)));
        var buttons = choice["body"]![1]!["actions"]!.AsArray();
        Assert.Equal(["Sam Taylor (5B)", "Sam Okafor (3A)"], buttons.Select(b => b!["title"]!.GetValue<string>()));
        using var chosen = await _host.PostActivityAsync(Execute(TestRoster.AlexWilberNurse, "plans.show", new { pupilId = "P0001" }));

        var card = JsonNode.Parse(await chosen.Content.ReadAsStringAsync())!["value"]!;
        Assert.Contains("Sam Taylor (5B)", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AmbiguousName_ForATeacherEntitledToOne_ShowsThatOneWithoutRevealingTheOther()
    {
        var message = From(TestRoster.AdeleVanceTeacher5B, "show Sam's care plan");

        await _host.PostActivityAsync(message);

        var json = CardOf(Assert.Single(_host.Connector.SentTo(message.Conversation!.Id!))).ToJsonString();
        Assert.Contains("Sam Taylor (5B)", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Okafor", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARealEmergency_MentioningThePupil_StillGetsTheFirstAidCardFirst()
    {
        var message = From(TestRoster.AdeleVanceTeacher5B, "Sam is having an asthma attack");

        await _host.PostActivityAsync(message);

        var json = CardOf(Assert.Single(_host.Connector.SentTo(message.Conversation!.Id!))).ToJsonString();
        Assert.Contains("When you call 999, say:", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Care plan on a page", json, StringComparison.Ordinal);
        Assert.Empty(await AuditAsync(TestRoster.AdeleVanceTeacher5B));
    }

    [Fact]
    public async Task AcknowledgementRequests_GoToTheClassTeacherOnly_OncePerVersion()
    {
        var plan = SamplePlans.SamTaylorAsthma(version: 2);
        using var scope = _host.Services.CreateScope();
        var requests = scope.ServiceProvider.GetServices<IPlanSavedHandler>().OfType<PlanAcknowledgementRequests>().Single();

        var first = await requests.RequestAsync(plan, CancellationToken.None);
        var second = await requests.RequestAsync(plan, CancellationToken.None);

        Assert.Equal(NotificationResult.Sent, Assert.Single(first, r => r.Key == TestRoster.AdeleVanceTeacher5B).Value);
        Assert.Single(first);
        Assert.Equal(NotificationResult.AlreadySent, second[TestRoster.AdeleVanceTeacher5B]);
        var sent = Assert.Single(_notifier.Sent);
        Assert.Equal($"plan-ack:plan-sam:v2:{TestRoster.AdeleVanceTeacher5B}", sent.Key);
        Assert.Equal("plans.acknowledge", sent.Value.Card.GetProperty("actions")[0].GetProperty("verb").GetString());
        Assert.DoesNotContain("Sam", sent.Value.FallbackText, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<AuditRecord>> AuditAsync(string actorId)
    {
        using var scope = _host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { ActorId = actorId }, CancellationToken.None);
    }

    private async Task ScheduleReviewAsync(DateOnly due)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPlanReviewScheduler>()
            .ScheduleAsync(new PlanReviewDue("plan-sam", 2, "P0001", due, TestRoster.AlexWilberNurse), CancellationToken.None);
    }

    private async Task<PlanReviewSchedule?> FindScheduleAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPlanReviewScheduleStore>().FindAsync("plan-sam", CancellationToken.None);
    }

    private static string[] Verbs(JsonObject card) => [.. card["actions"]!.AsArray().Select(a => a!["verb"]!.GetValue<string>())];

    private static Activity From(string userId, string text, string conversationId = "a:conversation-1") =>
        ActivityBuilder.Message(text, conversationId) with { From = new ChannelAccount { Id = "29:" + userId, AadObjectId = userId, Name = "Staff" } };

    private static Activity Execute(string userId, string verb, object data) =>
        ActivityBuilder.Execute(verb, data) with { From = new ChannelAccount { Id = "29:" + userId, AadObjectId = userId, Name = "Staff" } };

    private static JsonObject CardOf(SentActivity sent)
    {
        var attachment = Assert.Single(sent.Activity!.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        return attachment.Content!.AsObject();
    }
}

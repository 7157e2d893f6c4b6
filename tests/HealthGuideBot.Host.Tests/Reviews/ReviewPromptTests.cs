using System.Net;
using System.Text.Json.Nodes;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Proactive;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Core.HealthcarePlans.Reviews;
using HealthGuideBot.Host.Conversations.Reviews;
using HealthGuideBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Host.Tests.Reviews;

/// <summary>
/// Review prompts through the real host: the sweep driven by a fake clock (no scheduler, no sleeps), the notifier's
/// ledger, create-conversation, 403 handling, and the card's Snooze and Reassign buttons.
/// </summary>
public sealed class ReviewPromptTests : IDisposable
{
    private const string Nurse = "00000000-0000-0000-0000-0000000000020";
    private const string Senco = "00000000-0000-0000-0000-0000000000021";
    private const string Teacher = "00000000-0000-0000-0000-0000000000022";
    private const string SecondNurse = "00000000-0000-0000-0000-0000000000025";
    private const string NurseChat = "a:nurse-chat";
    private const string PlanId = "plan-7f3c";

    private static readonly DateOnly DueDate = new(2027, 3, 1);

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "hgb-review-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero));

    public ReviewPromptTests()
    {
        Directory.CreateDirectory(_dataFolder);
        File.WriteAllText(Path.Combine(_dataFolder, "roster.json"), $$"""
            {
              "staff": [
                { "userId": "{{Nurse}}", "name": "Alex Wilber", "roles": ["Nurse"], "classes": [] },
                { "userId": "{{Senco}}", "name": "Megan Bowen", "roles": ["Senco"], "classes": [] },
                { "userId": "{{Teacher}}", "name": "Adele Vance", "roles": ["Teacher"], "classes": ["5B"] },
                { "userId": "{{SecondNurse}}", "name": "Lynne Robbins", "roles": ["Nurse"], "classes": [] }
              ],
              "pupils": [ { "id": "P0001", "name": "Sam Taylor", "class": "5B", "dateOfBirth": "2016-03-14" } ]
            }
            """);
    }

    [Fact]
    public async Task Sweep_SendsTheBeforeAndDuePromptsOnceEach_EvenWhenRerunAndAfterARestart()
    {
        var connector = new ScriptedConnector();
        using (var host = CreateHost(connector))
        {
            await OpenNurseChatAsync(host);
            await ScheduleAsync(host, version: 2);

            Assert.Equal(0, (await SweepAsync(host)).Sent);
            Assert.Empty(connector.PromptsTo(NurseChat));

            _time.SetUtcNow(new DateTimeOffset(2027, 2, 15, 9, 0, 0, TimeSpan.Zero)); // 14 days before
            Assert.Equal(1, (await SweepAsync(host)).Sent);
            Assert.Equal(0, (await SweepAsync(host)).Sent);
            var before = Assert.Single(connector.PromptsTo(NurseChat));
            Assert.Contains("due in 14 days", before, StringComparison.Ordinal);
            Assert.Contains("Sam Taylor (5B)", before, StringComparison.Ordinal);
            Assert.Contains("01/03/2027", before, StringComparison.Ordinal);
            Assert.Contains("version 2", before, StringComparison.Ordinal);
            Assert.Contains("plans.review.start", before, StringComparison.Ordinal);
        }

        var afterRestart = new ScriptedConnector();
        using (var host = CreateHost(afterRestart))
        {
            Assert.Equal(0, (await SweepAsync(host)).Sent);
            Assert.Empty(afterRestart.Sent);

            _time.SetUtcNow(new DateTimeOffset(2027, 3, 1, 7, 30, 0, TimeSpan.Zero)); // the due date, 07:30 in London
            Assert.Equal(1, (await SweepAsync(host)).Sent);
            Assert.Equal(0, (await SweepAsync(host)).Sent);
            Assert.Contains("due today", Assert.Single(afterRestart.PromptsTo(NurseChat)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ScheduleAsync_WithANewVersion_ReplacesTheScheduleAndPromptsAfresh()
    {
        var connector = new ScriptedConnector();
        using var host = CreateHost(connector);
        await OpenNurseChatAsync(host);
        await ScheduleAsync(host, version: 1);
        _time.SetUtcNow(new DateTimeOffset(2027, 2, 20, 9, 0, 0, TimeSpan.Zero));
        await SweepAsync(host);

        await ScheduleAsync(host, version: 2);
        await SweepAsync(host);

        var prompts = connector.PromptsTo(NurseChat);
        Assert.Equal(2, prompts.Count);
        Assert.Contains("version 1", prompts[0], StringComparison.Ordinal);
        Assert.Contains("version 2", prompts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweep_CreatesAPersonalConversationWithTheTenant_WhenNoneIsStored()
    {
        var connector = new ScriptedConnector();
        using var host = CreateHost(connector, new()
        {
            ["HealthGuideBot:Proactive:ServiceUrl"] = ActivityBuilder.ServiceUrl,
            ["HealthGuideBot:Proactive:TenantId"] = ActivityBuilder.TenantId,
            ["HealthGuideBot:Proactive:BotId"] = ActivityBuilder.BotId,
        });
        await ScheduleAsync(host, version: 1);
        _time.SetUtcNow(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, (await SweepAsync(host)).Sent);

        var (serviceUrl, parameters) = Assert.Single(connector.Created);
        Assert.Equal(ActivityBuilder.ServiceUrl, serviceUrl);
        Assert.False(parameters.IsGroup);
        Assert.Equal(ActivityBuilder.TenantId, parameters.TenantId);
        Assert.Equal(ActivityBuilder.TenantId, parameters.ChannelData?["tenant"]?["id"]?.GetValue<string>());
        Assert.Equal(Nurse, Assert.Single(parameters.Members!).Id);
        Assert.Equal(ActivityBuilder.BotId, parameters.Bot?.Id);
        var (conversationId, activity) = Assert.Single(connector.Sent);
        Assert.Equal("a:created-1", conversationId);
        Assert.Contains("due today", activity.Attachments![0].Content!.ToJsonString(), StringComparison.Ordinal);

        // The created conversation is stored: the next prompt goes there without creating another.
        await using var scope = host.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>()
            .FindPersonalConversationAsync(ActivityBuilder.TenantId, Nurse, CancellationToken.None);
        Assert.Equal("a:created-1", stored?.Reference.Conversation.Id);
    }

    [Fact]
    public async Task Sweep_MarksTheReferenceInactiveAndAlertsTheSenco_WhenTheNurseRemovedTheBot()
    {
        var connector = new ScriptedConnector();
        using var host = CreateHost(connector);
        await OpenNurseChatAsync(host);
        connector.RemovedFrom[NurseChat] = true;
        await ScheduleAsync(host, version: 1);
        _time.SetUtcNow(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

        var report = await SweepAsync(host);

        Assert.Equal(1, report.Unreachable);
        Assert.Equal(1, report.Sent);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var reference = await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>().FindAsync(Channels.MsTeams, NurseChat, CancellationToken.None);
            Assert.False(reference?.IsActive);
        }

        // Megan has no stored chat: one is created with her id, and the alert says why it came to her.
        var (_, parameters) = Assert.Single(connector.Created);
        Assert.Equal(Senco, Assert.Single(parameters.Members!).Id);
        var alert = Assert.Single(connector.PromptsTo("a:created-1"));
        Assert.Contains("Alex Wilber could not be reached", alert, StringComparison.Ordinal);

        var again = await SweepAsync(host);
        Assert.Equal(0, again.Sent);
        Assert.Single(connector.PromptsTo("a:created-1"));
    }

    [Fact]
    public async Task Sweep_EscalatesAnOverdueReviewToTheSencoOnce()
    {
        var connector = new ScriptedConnector();
        using var host = CreateHost(connector);
        await OpenNurseChatAsync(host);
        await OpenChatAsync(host, "a:senco-chat", Senco);
        await ScheduleAsync(host, version: 1);

        _time.SetUtcNow(new DateTimeOffset(2027, 3, 7, 9, 0, 0, TimeSpan.Zero)); // due + 6 days: still the nurse's
        await SweepAsync(host);
        Assert.Empty(connector.PromptsTo("a:senco-chat"));

        _time.SetUtcNow(new DateTimeOffset(2027, 3, 8, 9, 0, 0, TimeSpan.Zero)); // due + 7 days: overdue
        await SweepAsync(host);
        _time.Advance(TimeSpan.FromDays(3));
        await SweepAsync(host);

        var escalation = Assert.Single(connector.PromptsTo("a:senco-chat"));
        Assert.Contains("Overdue healthcare plan review", escalation, StringComparison.Ordinal);
        Assert.Contains("has not been reviewed", escalation, StringComparison.Ordinal);
        Assert.Single(connector.PromptsTo(NurseChat)); // the due prompt only; overdue goes to the SENCO
    }

    [Fact]
    public async Task Sweep_SendsALeaversReminderToTheSencos_NotToTheLeaver()
    {
        const string Leaver = "00000000-0000-0000-0000-0000000000099"; // assigned once, no longer on the staff list
        var connector = new ScriptedConnector();
        using var host = CreateHost(connector);
        await OpenChatAsync(host, "a:leaver-chat", Leaver);
        await OpenChatAsync(host, "a:senco-chat", Senco);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IPlanReviewScheduler>()
                .ScheduleAsync(new PlanReviewDue(PlanId, 1, "P0001", DueDate, Leaver), CancellationToken.None);
        }

        _time.SetUtcNow(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await SweepAsync(host);
        await SweepAsync(host);

        Assert.Empty(connector.PromptsTo("a:leaver-chat"));
        var alert = Assert.Single(connector.PromptsTo("a:senco-chat"));
        Assert.Contains("no longer holds the nurse role", alert, StringComparison.Ordinal);
        Assert.Contains("Sam Taylor (5B)", alert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snooze_MovesTheDueDateAndReplacesTheCard_AndIsAudited()
    {
        var connector = new ScriptedConnector();
        using var host = CreateHost(connector);
        await ScheduleAsync(host, version: 1);
        _time.SetUtcNow(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

        var card = await PressAsync(host, PlanReviewConversation.SnoozeVerb, Nurse, new { planId = PlanId, version = 1 });

        Assert.Contains("Snoozed. The review is now due on 08/03/2027", card.ToJsonString(), StringComparison.Ordinal);
        var schedule = await FindScheduleAsync(host);
        Assert.Equal(new DateOnly(2027, 3, 8), schedule.DueDate);
        Assert.Equal(new DateOnly(2027, 3, 8), schedule.SnoozedUntil);
        await AssertAuditedAsync(host, "plan.review.snooze", Nurse, AuditOutcome.Allowed);
    }

    [Fact]
    public async Task Snooze_ByATeacher_IsRefusedAndChangesNothing()
    {
        var connector = new ScriptedConnector();
        using var host = CreateHost(connector);
        await ScheduleAsync(host, version: 1);

        using var response = await host.PostActivityAsync(ExecuteAs(PlanReviewConversation.SnoozeVerb, Teacher, new { planId = PlanId, version = 1 }));

        Assert.DoesNotContain("Snoozed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DueDate, (await FindScheduleAsync(host)).DueDate);
        await AssertAuditedAsync(host, "plan.review.snooze", Teacher, AuditOutcome.Denied);
    }

    [Fact]
    public async Task Reassign_ChangesTheNurse_TellsTheNewNurse_AndLaterPromptsGoToThem()
    {
        var connector = new ScriptedConnector();
        using var host = CreateHost(connector);
        await OpenNurseChatAsync(host);
        await OpenChatAsync(host, "a:lynne-chat", SecondNurse);
        await ScheduleAsync(host, version: 1);
        _time.SetUtcNow(new DateTimeOffset(2027, 2, 20, 9, 0, 0, TimeSpan.Zero));

        var card = await PressAsync(host, PlanReviewConversation.ReassignVerb, Senco, new { planId = PlanId, version = 1, nurseUserId = SecondNurse });

        Assert.Contains("Reassigned to Lynne Robbins", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(SecondNurse, (await FindScheduleAsync(host)).ResponsibleNurseUserId);
        Assert.Contains("passed to you", Assert.Single(connector.PromptsTo("a:lynne-chat")), StringComparison.Ordinal);
        await AssertAuditedAsync(host, "plan.review.reassign", Senco, AuditOutcome.Allowed);

        _time.SetUtcNow(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await SweepAsync(host);
        Assert.Equal(2, connector.PromptsTo("a:lynne-chat").Count);
        Assert.Empty(connector.PromptsTo(NurseChat));
    }

    [Fact]
    public async Task DevelopmentSweepEndpoint_RunsTheSweep()
    {
        var connector = new ScriptedConnector();
        using var host = CreateHost(connector);
        await OpenNurseChatAsync(host);
        using var client = host.CreateClient();
        using var schedule = await client.PostAsync("/dev/reviews/schedule", JsonContent(new { planId = PlanId, version = 1, pupilId = "P0001", dueDate = "2027-02-10", responsibleNurseUserId = Nurse }));
        Assert.Equal(HttpStatusCode.NoContent, schedule.StatusCode);

        using var response = await client.PostAsync("/dev/reviews/sweep", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, JsonNode.Parse(await response.Content.ReadAsStringAsync())?["sent"]?.GetValue<int>());
        Assert.Single(connector.PromptsTo(NurseChat));
    }

    [Fact]
    public async Task DevelopmentSweepEndpoint_IsNotMappedOutsideDevelopment()
    {
        using var host = new BotHostFactory(
            new()
            {
                ["MicrosoftAppType"] = "SingleTenant",
                ["MicrosoftAppId"] = TestIdentities.BotAppId,
                ["MicrosoftAppPassword"] = "placeholder-for-test",
                ["MicrosoftAppTenantId"] = TestIdentities.SchoolTenantId,
                ["HealthGuideBot:AllowedTenantIds:0"] = ActivityBuilder.TenantId,
                ["HealthGuideBot:Reviews:RunScheduler"] = "false",
            },
            dataFolder: _dataFolder,
            environment: "Production");
        using var client = host.CreateClient();

        using var response = await client.PostAsync("/dev/reviews/sweep", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finished host; the temp folder is cleaned by the OS.
        }
    }

    private BotHostFactory CreateHost(ScriptedConnector connector, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["HealthGuideBot:Reviews:RunScheduler"] = "false",
            ["HealthGuideBot:Roster:File"] = Path.Combine(_dataFolder, "roster.json"),
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new BotHostFactory(
            all,
            services =>
            {
                services.AddSingleton<TimeProvider>(_time);
                services.AddSingleton<IConnectorClient>(connector);
            },
            dataFolder: _dataFolder);
    }

    private static Task OpenNurseChatAsync(BotHostFactory host) => OpenChatAsync(host, NurseChat, Nurse);

    /// <summary>The user says hello in their 1:1 chat, so the bot stores the conversation reference.</summary>
    private static async Task OpenChatAsync(BotHostFactory host, string conversationId, string userId)
    {
        var message = ActivityBuilder.Message("hello", conversationId, "29:" + userId);
        using var response = await host.PostActivityAsync(message with { From = message.From! with { AadObjectId = userId } });
        Assert.True(response.IsSuccessStatusCode);
    }

    private static async Task ScheduleAsync(BotHostFactory host, int version)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IPlanReviewScheduler>()
            .ScheduleAsync(new PlanReviewDue(PlanId, version, "P0001", DueDate, Nurse), CancellationToken.None);
    }

    private static async Task<ReviewSweepReport> SweepAsync(BotHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReviewPromptSweep>().RunAsync(CancellationToken.None);
    }

    private static async Task<PlanReviewSchedule> FindScheduleAsync(BotHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPlanReviewScheduleStore>().FindAsync(PlanId, CancellationToken.None)
            ?? throw new InvalidOperationException("The schedule is gone.");
    }

    private static Activity ExecuteAs(string verb, string userId, object data)
    {
        var activity = ActivityBuilder.Execute(verb, data, "a:chat-" + userId[^2..], "29:" + userId);
        return activity with { From = activity.From! with { AadObjectId = userId } };
    }

    /// <summary>Presses a card button and returns the card that replaces it (the invoke response's value).</summary>
    private static async Task<JsonNode> PressAsync(BotHostFactory host, string verb, string userId, object data)
    {
        using var response = await host.PostActivityAsync(ExecuteAs(verb, userId, data));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]?.GetValue<string>());
        return body["value"]!;
    }

    private static async Task AssertAuditedAsync(BotHostFactory host, string action, string actor, AuditOutcome outcome)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var records = await scope.ServiceProvider.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(), CancellationToken.None);
        Assert.Contains(records, r => r.Entry.Action == action && r.Entry.ActorId == actor && r.Entry.Outcome == outcome && r.Entry.RecordId == PlanId);
    }

    private static StringContent JsonContent(object value) =>
        new(System.Text.Json.JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");
}

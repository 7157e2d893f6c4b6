using System.Text.Json.Nodes;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Core.Pupils;
using HealthGuideBot.Core.Notifications;
using HealthGuideBot.Testing;
using HealthGuideBot.Testing.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Host.Tests.Conversations.HealthcarePlans;

/// <summary>The real host with the fake roster, documents and scheduler, and helpers to drive the plan form.</summary>
internal sealed class PlanFormHost : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public PlanFormHost(string? dataFolder = null, FakeTimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        Host = new BotHostFactory(services: services =>
        {
            services.AddSingleton(Roster);
            services.AddSingleton<IStaffDirectory>(Roster);
            services.AddSingleton<IPupilDirectory>(Roster);
            services.AddSingleton<IPlanDocuments>(Documents);
            services.AddSingleton<IPlanReviewScheduler>(Scheduler);
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IStaffNotifier>(Notifier);
        }, dataFolder: dataFolder);
    }

    public BotHostFactory Host { get; }

    public FakeTimeProvider Time { get; }

    public FakeRoster Roster { get; } = new();

    public FakePlanDocuments Documents { get; } = new();

    public FakePlanReviewScheduler Scheduler { get; } = new();

    /// <summary>Records the teachers' acknowledgement requests instead of sending them to Teams.</summary>
    public RecordingStaffNotifier Notifier { get; } = new();

    /// <summary>A complete, valid answer for each step after the pupil, by step index.</summary>
    public static Dictionary<int, Dictionary<string, string>> ValidAnswers() => new()
    {
        [1] = new() { ["dateOfBirth"] = "14/03/2015", ["condition"] = "Asthma" },
        [2] = new() { ["contact1Name"] = "Jo Taylor", ["contact1Relationship"] = "Mother", ["contact1MobilePhone"] = "07700 900123" },
        [3] = new() { ["gpName"] = "Dr Patel, Riverside Surgery", ["gpPhone"] = "01632 960000", ["supportInSchool"] = "Class teacher and the school nurse" },
        [4] = new() { ["symptoms"] = "Wheeze, cough", ["triggers"] = "Cold air, exercise", ["treatment"] = "Blue reliever inhaler" },
        [5] = new()
        {
            ["medicine1Name"] = "Salbutamol", ["medicine1Dose"] = "2 puffs", ["medicine1Method"] = "Inhaler with spacer", ["medicine1Timing"] = "When wheezy",
            ["medicine1Administration"] = "SelfAdministeredSupervised", ["medicine1Storage"] = "Red bag in 5B",
        },
        [6] = new() { ["tripsAndVisits"] = "Inhaler goes on every trip" },
        [7] = new() { ["emergencySigns"] = "Cannot speak in full sentences", ["emergencyAction"] = "Give 10 puffs; call 999 if no better", ["emergencyResponsible"] = "Class teacher" },
        [8] = new() { ["developedWithParent"] = "true", ["developedWithPupil"] = "true", ["developedWithNurse"] = "false", ["responsibleNurse"] = FakeRoster.AadId(FakeRoster.NurseChannelId) },
    };

    /// <summary>Presses a card button (<c>Action.Execute</c>) and returns the card that replaces it.</summary>
    public async Task<JsonObject> ExecuteAsync(string verb, object? data, string conversation, string userId = FakeRoster.NurseChannelId)
    {
        using var response = await Host.PostActivityAsync(ActivityBuilder.Execute(verb, data, conversation, userId));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        return body["value"]!.AsObject();
    }

    /// <summary>Sends a message and waits for the bot's reply number <paramref name="replyNumber"/> in the conversation.</summary>
    public async Task<HealthGuideBot.BotFramework.Schema.Activity> SayAsync(string text, string conversation, int replyNumber, string userId = FakeRoster.NurseChannelId)
    {
        await Host.PostActivityAsync(ActivityBuilder.Message(text, conversation, userId));
        var sent = await Host.Connector.WaitForAsync(conversation, replyNumber, Timeout);
        return sent[replyNumber - 1].Activity!;
    }

    public static JsonObject CardOf(HealthGuideBot.BotFramework.Schema.Activity activity) =>
        Assert.IsType<JsonObject>(Assert.Single(activity.Attachments!).Content);

    /// <summary>Every input of a card, by id.</summary>
    public static Dictionary<string, JsonObject> Inputs(JsonObject card)
    {
        var inputs = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        void Walk(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                if (obj["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal))
                {
                    inputs[obj["id"]!.GetValue<string>()] = obj;
                }

                foreach (var (_, child) in obj)
                {
                    Walk(child);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    Walk(item);
                }
            }
        }

        Walk(card["body"]);
        return inputs;
    }

    /// <summary>Every text, title and value string of a card, one per line, to look for words in.</summary>
    public static string Text(JsonObject card)
    {
        var lines = new List<string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj)
                    {
                        if (name is "text" or "title" or "value" && child is JsonValue value && value.TryGetValue<string>(out var text))
                        {
                            lines.Add(text);
                        }
                        else
                        {
                            Walk(child);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(card);
        return string.Join("\n", lines);
    }

    /// <summary>What Teams would send for a card's inputs as they stand, with some answers changed.</summary>
    public static Dictionary<string, string> CurrentValues(JsonObject card, IDictionary<string, string>? changes = null)
    {
        var values = Inputs(card).ToDictionary(i => i.Key, i => i.Value["value"]?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal);
        foreach (var (id, value) in changes ?? new Dictionary<string, string>())
        {
            values[id] = value;
        }

        return values;
    }

    /// <summary>"create an IHP for Sam Taylor", then every step answered validly; returns the summary card.</summary>
    public async Task<JsonObject> DriveToSummaryAsync(string conversation)
    {
        var card = CardOf(await SayAsync("create an IHP for Sam Taylor", conversation, 1));
        var answers = ValidAnswers();
        for (var step = 1; step <= 8; step++)
        {
            card = await ExecuteAsync("plans.form.next", CurrentValues(card, answers[step]), conversation);
        }

        return card;
    }

    public static string? SubmissionId(JsonObject summary) =>
        summary["actions"]!.AsArray().Single(a => a!["verb"]!.GetValue<string>() == "plans.form.submit")!["data"]!["submissionId"]!.GetValue<string>();

    public void Dispose() => Host.Dispose();
}

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthGuideBot.EndToEnd.Tests.Playground;
using Xunit.Sdk;

namespace HealthGuideBot.EndToEnd.Tests.Conversations;

/// <summary>
/// A nurse (the Playground's default user, Alex Wilber, in the Development roster) creates a healthcare plan through
/// the Playground: every step is an Action.Execute whose answer replaces the card in place. The Playground sends a
/// button's <c>data</c> only, so the test merges the inputs into it as Teams does.
/// </summary>
[Collection(SharedPlayground.Name)]
[Trait("Category", "EndToEnd")]
public sealed class HealthcarePlanFormTests(PlaygroundFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = PlaygroundClient.DefaultTimeout;

    private static readonly Dictionary<string, string>[] Answers =
    [
        new() { ["condition"] = "Asthma" },
        new() { ["contact1Name"] = "Jo Taylor", ["contact1Relationship"] = "Mother", ["contact1MobilePhone"] = "07700 900123" },
        new() { ["supportInSchool"] = "Class teacher and the school nurse" },
        new() { ["symptoms"] = "Wheeze, cough", ["triggers"] = "Cold air, exercise", ["treatment"] = "Blue reliever inhaler" },
        new() { ["medicine1Name"] = "Salbutamol", ["medicine1Dose"] = "2 puffs", ["medicine1Method"] = "Inhaler with spacer", ["medicine1Timing"] = "When wheezy", ["medicine1Administration"] = "StaffAdministered" },
        new(),
        new() { ["emergencySigns"] = "Cannot speak in full sentences", ["emergencyAction"] = "Give 10 puffs; call 999 if no better", ["emergencyResponsible"] = "Class teacher" },
        new(),
    ];

    [Fact]
    public Task Nurse_CreatesAHealthcarePlan_CardByCardInPlace() => fixture.RunAsync(output, async playground =>
    {
        await playground.SendMessageAsync("create an IHP for Sam Taylor", CancellationToken.None);
        var message = await playground.WaitForMessageAsync(m => m.HasAdaptiveCard, Timeout);
        var card = message.AdaptiveCards.Single();
        Assert.Contains(card.TextBlocks, t => t.Contains("About the pupil", StringComparison.Ordinal));

        foreach (var answers in Answers)
        {
            card = await PressAsync(playground, message.MessageId, card, "Next", answers);
        }

        Assert.Contains(card.TextBlocks, t => t.Contains("New healthcare plan for Sam Taylor", StringComparison.Ordinal));
        var saved = await PressAsync(playground, message.MessageId, card, "Submit", []);

        Assert.Contains(saved.TextBlocks, t => t == "Healthcare plan saved");
        Assert.Contains(saved.TextBlocks, t => t.Contains("Filing is pending", StringComparison.Ordinal));
    });

    /// <summary>Presses a button with the card's inputs (their values, changed by <paramref name="answers"/>) merged into its data.</summary>
    private static async Task<AdaptiveCard> PressAsync(PlaygroundClient playground, string messageId, AdaptiveCard card, string title, Dictionary<string, string> answers)
    {
        var button = card.Actions.FirstOrDefault(a => a.Title == title) ?? throw new XunitException($"The card has no {title} button: {card}");
        var data = button.Data.AsObject();
        foreach (var (id, value) in Inputs(card.Content))
        {
            data[id] = answers.TryGetValue(id, out var given) ? given : value;
        }

        var action = new JsonObject { ["type"] = button.Type, ["title"] = button.Title, ["verb"] = button.Verb, ["data"] = data };
        var answer = await playground.ExecuteAsync(messageId, new CardAction(JsonSerializer.SerializeToElement(action)), CancellationToken.None);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"The Playground answered {(int)answer.StatusCode}: {answer.Body}");
        Assert.Equal(AdaptiveCard.ContentType, answer.Json.GetProperty("type").GetString());
        var next = new AdaptiveCard(answer.Json.GetProperty("value").Clone());
        Assert.DoesNotContain(next.TextBlocks, t => t.StartsWith("Please check", StringComparison.Ordinal));
        return next;
    }

    private static IEnumerable<(string Id, string Value)> Inputs(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.GetString()?.StartsWith("Input.", StringComparison.Ordinal) == true)
            {
                yield return (element.GetProperty("id").GetString()!, element.TryGetProperty("value", out var v) ? v.GetString() ?? "" : "");
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var input in Inputs(property.Value))
                {
                    yield return input;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var input in Inputs(item))
                {
                    yield return input;
                }
            }
        }
    }
}

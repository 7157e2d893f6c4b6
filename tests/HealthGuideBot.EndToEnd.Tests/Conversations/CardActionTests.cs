using System.Net;
using System.Text.Json;
using HealthGuideBot.EndToEnd.Tests.Playground;
using Xunit.Sdk;

namespace HealthGuideBot.EndToEnd.Tests.Conversations;

/// <summary>
/// The help card's buttons, pressed through the Playground as Teams would send them. The contract (main engineer):
/// Action.Execute carries a <c>verb</c> (help card: <c>help.topic</c> with <c>{topic}</c>, topic card: <c>help.menu</c>);
/// Action.Submit carries <c>{"verb": …}</c> in its data (topic card: <c>help.examples</c> with <c>{topic}</c>).
/// </summary>
[Collection(SharedPlayground.Name)]
[Trait("Category", "EndToEnd")]
public sealed class CardActionTests(PlaygroundFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = PlaygroundClient.DefaultTimeout;

    [Fact]
    public Task ActionExecute_ReplacesCard() => fixture.RunAsync(output, async playground =>
    {
        var (cardMessageId, menu) = await ShowHelpCardAsync(playground);
        var more = Button(menu, "Action.Execute");

        var answer = await playground.ExecuteAsync(cardMessageId, more, CancellationToken.None);

        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"The Playground answered {(int)answer.StatusCode}: {answer.Body}");
        var topic = ReplacementCard(answer);
        Assert.Contains(topic.TextBlocks, text => more.Title!.EndsWith(text, StringComparison.Ordinal)); // "More about X" shows X
        Assert.DoesNotContain(topic.TextBlocks, text => menu.TextBlocks.First() == text); // not the menu again
        var bot = await playground.WaitForBotAnswerAsync("invoke", Timeout);
        Assert.Equal(200, bot.StatusCode);

        // The replacement card works too: its Back button (another Action.Execute) brings the menu back in place.
        var back = Button(topic, "Action.Execute");
        var again = ReplacementCard(await playground.ExecuteAsync(cardMessageId, back, CancellationToken.None));
        Assert.Equal(menu.TextBlocks, again.TextBlocks);
        Assert.Empty(playground.BotMessagesSince(playground.Now)); // replaced in place, no new message
    });

    [Fact]
    public Task ActionSubmit_RoundTrip_ReachesBot() => fixture.RunAsync(output, async playground =>
    {
        var (cardMessageId, menu) = await ShowHelpCardAsync(playground);
        var topic = ReplacementCard(await playground.ExecuteAsync(
            cardMessageId, Button(menu, "Action.Execute"), CancellationToken.None));
        var submit = Button(topic, "Action.Submit");
        Assert.False(string.IsNullOrEmpty(submit.Verb), $"Action.Submit carries no verb in its data: {submit}");
        var firstExample = topic.TextBlocks.FirstOrDefault(text => text.StartsWith("- ", StringComparison.Ordinal))?[2..]
            ?? throw new XunitException($"The topic card lists no \"- example\" lines: {topic}");

        await playground.SubmitAsync(cardMessageId, submit.Data, CancellationToken.None);

        // The bot got a message with no text and value = the button's data, and answered it as that button.
        var delivered = await playground.WaitForBotAnswerAsync("message", Timeout);
        Assert.Equal(submit.Verb, delivered.RequestBody.GetProperty("value").GetProperty("verb").GetString());
        Assert.Equal(cardMessageId, delivered.RequestBody.GetProperty("replyToId").GetString());
        Assert.InRange(delivered.StatusCode!.Value, 200, 299); // non-null: the wait selects answered activities
        var reply = await playground.WaitForMessageAsync(m => !string.IsNullOrWhiteSpace(m.Text), Timeout);
        Assert.Contains(firstExample, reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("approved answer", reply.Text, StringComparison.Ordinal); // not the fallback for unknown text
    });

    private static async Task<(string MessageId, AdaptiveCard Card)> ShowHelpCardAsync(PlaygroundClient playground)
    {
        await playground.SendMessageAsync("help", CancellationToken.None);
        var message = await playground.WaitForMessageAsync(m => m.HasAdaptiveCard, Timeout);
        return (message.MessageId, message.AdaptiveCards.Single());
    }

    private static CardAction Button(AdaptiveCard card, string type) =>
        card.Actions.FirstOrDefault(a => a.Type == type) ?? throw new XunitException($"The card has no {type} button: {card}");

    private static AdaptiveCard ReplacementCard(PlaygroundClient.InvokeAnswer answer)
    {
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"The Playground answered {(int)answer.StatusCode}: {answer.Body}");
        var json = answer.Json;
        Assert.Equal("application/vnd.microsoft.card.adaptive", json.GetProperty("type").GetString());
        var card = new AdaptiveCard(json.GetProperty("value").Clone());
        Assert.Equal("AdaptiveCard", card.Type);
        Assert.Equal(JsonValueKind.Object, card.Content.ValueKind);
        return card;
    }
}

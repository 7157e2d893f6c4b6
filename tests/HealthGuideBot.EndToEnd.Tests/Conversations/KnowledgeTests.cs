using HealthGuideBot.EndToEnd.Tests.Playground;
using Xunit.Sdk;

namespace HealthGuideBot.EndToEnd.Tests.Conversations;

/// <summary>Emergencies and questions, asked through the Playground as a teacher would in Teams.</summary>
[Collection(SharedPlayground.Name)]
[Trait("Category", "EndToEnd")]
public sealed class KnowledgeTests(PlaygroundFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = PlaygroundClient.DefaultTimeout;

    [Fact]
    public Task Emergency_GetsTheApprovedStepsWithTheSchoolsScript() => fixture.RunAsync(output, async playground =>
    {
        await playground.SendMessageAsync("boy having a fit what do i do", CancellationToken.None);

        var reply = await playground.WaitForMessageAsync(m => m.HasAdaptiveCard, Timeout);
        var card = Assert.Single(reply.AdaptiveCards);
        var texts = card.TextBlocks.ToList();
        Assert.Contains("Seizure", texts[0], StringComparison.Ordinal);
        Assert.Contains("When you call 999, say:", texts);
        Assert.Contains(texts, t => t.Contains("Sample Primary School", StringComparison.Ordinal)); // the school profile, filled in
        Assert.Contains(texts, t => t.StartsWith("Source: ", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("{{", StringComparison.Ordinal) || t.Contains("${", StringComparison.Ordinal));
    });

    [Fact]
    public Task PolicyQuestion_GetsACitedAnswer() => fixture.RunAsync(output, async playground =>
    {
        await playground.SendMessageAsync("can I give a pupil Calpol?", CancellationToken.None);

        var reply = await playground.WaitForMessageAsync(m => m.HasAdaptiveCard, Timeout);
        var card = Assert.Single(reply.AdaptiveCards);
        Assert.Contains(card.TextBlocks, t => t.Contains("paracetamol", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(card.TextBlocks, t => t.StartsWith("[1] ", StringComparison.Ordinal) && t.Contains("reviewed", StringComparison.Ordinal));
        Assert.Contains(card.Actions, a => a.Verb == "feedback.helpful");
    });

    [Fact]
    public Task DidYouMean_ChoiceShowsTheChosenSection() => fixture.RunAsync(output, async playground =>
    {
        // Half covered by the return-and-reintegration section: unsure, so the closest sections are offered. ("claim
        // expenses" was used here, but one passing mention of "claims" is no evidence: it is now an honest refusal.)
        await playground.SendMessageAsync("reintegration after long term illness", CancellationToken.None);
        var suggestions = await playground.WaitForMessageAsync(m => m.HasAdaptiveCard, Timeout);
        var card = Assert.Single(suggestions.AdaptiveCards);
        Assert.Contains(card.TextBlocks, t => t.StartsWith("I'm not sure", StringComparison.Ordinal));
        var choice = card.Actions.FirstOrDefault(a => a.Verb == "question.section")
            ?? throw new XunitException($"The did-you-mean card offers no section: {card}");

        var since = playground.Now;
        await playground.SubmitAsync(suggestions.MessageId, choice.Data, CancellationToken.None);

        var answer = await playground.WaitForMessageAsync(m => m.HasAdaptiveCard && m.MessageId != suggestions.MessageId, Timeout);
        var answerCard = Assert.Single(answer.AdaptiveCards);
        Assert.Contains(answerCard.TextBlocks, t => t.StartsWith("[1] ", StringComparison.Ordinal) && choice.Title!.Contains(t.Split(", \"")[0][4..], StringComparison.Ordinal));
        Assert.NotEmpty(playground.BotMessagesSince(since));
    });

    [Fact]
    public Task OutOfScopeQuestion_GetsAnHonestRefusal() => fixture.RunAsync(output, async playground =>
    {
        await playground.SendMessageAsync("Which penguin species lives furthest north?", CancellationToken.None);

        var reply = await playground.WaitForMessageAsync(_ => true, Timeout);
        Assert.NotNull(reply.Text);
        Assert.StartsWith("I don't have an approved answer to that; ask ", reply.Text, StringComparison.Ordinal);
        Assert.Contains("999", reply.Text, StringComparison.Ordinal); // never leaves out the emergency route
        var answer = await playground.WaitForBotAnswerAsync("message", Timeout);
        Assert.InRange(answer.StatusCode!.Value, 200, 299); // non-null: the wait selects answered activities
    });
}

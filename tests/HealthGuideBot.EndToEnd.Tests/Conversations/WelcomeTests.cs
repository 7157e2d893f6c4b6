using HealthGuideBot.EndToEnd.Tests.Playground;

namespace HealthGuideBot.EndToEnd.Tests.Conversations;

[Collection(SharedPlayground.Name)]
[Trait("Category", "EndToEnd")]
public sealed class WelcomeTests(PlaygroundFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = PlaygroundClient.DefaultTimeout;

    [Fact]
    public Task Welcome_IsSent_WhenChatOpens() => fixture.RunAsync(output, async playground =>
    {
        var opened = playground.Now;
        await playground.OpenChatAsync(CancellationToken.None);

        var welcome = await playground.WaitForMessageAsync(m => !string.IsNullOrWhiteSpace(m.Text), Timeout);
        Assert.Contains("HealthGuideBot", welcome.Text, StringComparison.Ordinal);
        Assert.Contains("medical needs", welcome.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("999", welcome.Text, StringComparison.Ordinal);

        // Teams sends installationUpdate and conversationUpdate on install; the bot must greet once, not twice.
        // Once the bot has answered both (it answers after its turn, replies included), the chat is settled.
        var installation = await playground.WaitForBotAnswerAsync("installationUpdate", opened, Timeout);
        var membersAdded = await playground.WaitForBotAnswerAsync("conversationUpdate", opened, Timeout);
        Assert.InRange(installation.StatusCode!.Value, 200, 299); // non-null: the wait selects answered activities
        Assert.InRange(membersAdded.StatusCode!.Value, 200, 299);
        var welcomes = playground.BotMessagesSince(opened).Where(m => m.Text?.Contains("HealthGuideBot", StringComparison.Ordinal) == true);
        Assert.Single(welcomes);
    });
}

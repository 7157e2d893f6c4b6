using HealthGuideBot.EndToEnd.Tests.Playground;

namespace HealthGuideBot.EndToEnd.Tests.Conversations;

[Collection(SharedPlayground.Name)]
[Trait("Category", "EndToEnd")]
public sealed class HelpCardTests(PlaygroundFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = PlaygroundClient.DefaultTimeout;

    [Fact]
    public Task HelpCard_IsShown_WhenUserTypesHelp() => fixture.RunAsync(output, async playground =>
    {
        await playground.SendMessageAsync("help", CancellationToken.None);

        var reply = await playground.WaitForMessageAsync(m => m.Attachments.Count > 0, Timeout);
        var attachment = Assert.Single(reply.Attachments);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = Assert.Single(reply.AdaptiveCards);
        Assert.Equal("AdaptiveCard", card.Type);
        Assert.Contains(card.TextBlocks, text => text.Contains("medical needs", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(card.TextBlocks, text => text.Contains("${", StringComparison.Ordinal)); // every template expression bound
        Assert.NotEmpty(card.Actions);
    });
}

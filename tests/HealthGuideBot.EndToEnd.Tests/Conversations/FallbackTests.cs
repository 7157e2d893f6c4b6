using HealthGuideBot.EndToEnd.Tests.Playground;

namespace HealthGuideBot.EndToEnd.Tests.Conversations;

[Collection(SharedPlayground.Name)]
[Trait("Category", "EndToEnd")]
public sealed class FallbackTests(PlaygroundFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = PlaygroundClient.DefaultTimeout;

    [Fact]
    public Task UnknownText_GetsPoliteFallback() => fixture.RunAsync(output, async playground =>
    {
        await playground.SendMessageAsync("Which penguin species lives furthest north?", CancellationToken.None);

        var reply = await playground.WaitForMessageAsync(_ => true, Timeout);
        Assert.NotNull(reply.Text);
        Assert.Contains("Sorry", reply.Text, StringComparison.Ordinal);
        Assert.Contains("help", reply.Text, StringComparison.OrdinalIgnoreCase); // says how to find out what it can do
        Assert.Contains("999", reply.Text, StringComparison.Ordinal);            // and never leaves out the emergency route
        Assert.DoesNotContain("went wrong", reply.Text, StringComparison.OrdinalIgnoreCase); // a fallback, not the turn-error apology
        var answer = await playground.WaitForBotAnswerAsync("message", Timeout);
        Assert.InRange(answer.StatusCode!.Value, 200, 299); // non-null: the wait selects answered activities
    });
}

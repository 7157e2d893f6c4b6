using HealthGuideBot.BotFramework.Proactive;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.EndToEnd.Tests.Playground;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Sdk;

namespace HealthGuideBot.EndToEnd.Tests.Conversations;

[Collection(SharedPlayground.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ProactiveMessageTests(PlaygroundFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = PlaygroundClient.DefaultTimeout;

    [Fact]
    public Task ProactiveMessage_Arrives_InConversation() => fixture.RunAsync(output, async playground =>
    {
        // A real turn first: the bot stores this conversation's reference, as it does for every turn.
        await playground.SendMessageAsync("help", CancellationToken.None);
        await playground.WaitForMessageAsync(m => m.HasAdaptiveCard, Timeout);
        var messenger = fixture.Bot.Services.GetRequiredService<IProactiveMessenger>();
        StoredConversationReference stored;
        using (var scope = fixture.Bot.Services.CreateScope())
        {
            stored = await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>()
                .FindAsync(playground.Config.ChannelId, playground.ChatId, CancellationToken.None)
                ?? throw new XunitException("The bot stored no reference for the Playground chat after a turn in it.");
        }
        var text = $"Reminder {Guid.NewGuid():N}: a healthcare plan is due for review.";

        var sent = playground.Now;
        playground.StartAction();
        await messenger.ContinueConversationAsync(
            stored.Reference,
            (turn, ct) => turn.SendActivityAsync(MessageFactory.Text(text), ct),
            CancellationToken.None);

        var message = await playground.WaitForMessageAsync(m => m.Text == text, Timeout);
        Assert.Equal(ChatMessage.CreateAction, message.Action); // a new message in the chat, outside any user turn
        Assert.DoesNotContain(playground.Log.Skip(sent.Log), e => e.IsFromBot && e.StatusCode >= 300); // the connector took every call
    });
}

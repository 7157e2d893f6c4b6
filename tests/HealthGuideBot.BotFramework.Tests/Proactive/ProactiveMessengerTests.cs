using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.BotFramework.Proactive;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.BotFramework.Tests.Proactive;

public sealed class ProactiveMessengerTests
{
    private static readonly ConversationReference Reference = new()
    {
        ChannelId = Channels.MsTeams,
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        Conversation = new ConversationAccount { Id = "a:personal-1", ConversationType = "personal", TenantId = "tenant-1" },
        User = new ChannelAccount { Id = "29:nurse", AadObjectId = "aad-nurse" },
        Bot = new ChannelAccount { Id = "28:bot" },
        Locale = "en-GB",
        ActivityId = "last-inbound",
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingConnectorClient _connector = new();
    private readonly RecordingConversationReferenceStore _references = new();

    [Fact]
    public void CreateContinueActivity_AddressesTheActivityFromTheUserToTheBot_WithNoIdToReplyTo()
    {
        var activity = ProactiveMessenger.CreateContinueActivity(Reference, _time.GetUtcNow());

        Assert.Equal(ActivityTypes.Event, activity.Type);
        Assert.Equal("continueConversation", activity.Name);
        Assert.Null(activity.Id);
        Assert.Equal(Reference.Conversation, activity.Conversation);
        Assert.Equal(Reference.ServiceUrl, activity.ServiceUrl);
        Assert.Equal(Reference.ChannelId, activity.ChannelId);
        Assert.Equal(Reference.User, activity.From);
        Assert.Equal(Reference.Bot, activity.Recipient);
        Assert.Equal(_time.GetUtcNow(), activity.Timestamp);
    }

    [Fact]
    public async Task ContinueConversationAsync_RunsTheCallbackAsTheBotInAFreshScope_AndSendsToTheConversation()
    {
        await using var services = BuildServices();
        var messenger = services.GetRequiredService<IProactiveMessenger>();
        ITurnContext? seen = null;
        IServiceProvider? scopeServices = null;

        await messenger.ContinueConversationAsync(
            Reference,
            async (turn, ct) =>
            {
                seen = turn;
                scopeServices = turn.Services;
                await turn.SendActivityAsync(MessageFactory.Text("Reminder: a plan review is due."), ct);
            },
            CancellationToken.None);

        Assert.NotNull(seen);
        Assert.Same(BotCaller.Proactive, seen.Caller);
        Assert.Equal(BotCallerKind.Proactive, seen.Caller.Kind);
        Assert.NotSame(services, scopeServices);
        var call = Assert.Single(_connector.Calls);
        Assert.Equal("send", call.Method);
        Assert.Equal("a:personal-1", call.ConversationId);
        Assert.Equal(Reference.ServiceUrl, call.ServiceUrl);
        Assert.Equal(Reference.User, call.Activity.Recipient);
        Assert.Equal(Reference.Bot, call.Activity.From);
    }

    [Fact]
    public async Task ContinueConversationAsync_MarksTheReferenceInactiveAndRethrows_WhenTheChannelAnswers403()
    {
        await using var services = BuildServices();
        var messenger = services.GetRequiredService<IProactiveMessenger>();
        _connector.RefuseWithForbidden = true;

        var error = await Assert.ThrowsAsync<ConnectorException>(() => messenger.ContinueConversationAsync(
            Reference,
            (turn, ct) => turn.SendActivityAsync(MessageFactory.Text("Reminder"), ct),
            CancellationToken.None));

        Assert.True(error.IsBotRemovedFromConversation);
        Assert.Equal([(Channels.MsTeams, "a:personal-1")], _references.MarkedInactive);
    }

    private ServiceProvider BuildServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<IConnectorClient>(_connector);
        services.AddScoped<IConversationReferenceStore>(_ => _references);
        services.AddProactiveMessaging();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}

using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Proactive;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.BotFramework.Tests.Proactive;

/// <summary>
/// The recorder writes a conversation's reference when it is new or has changed, on every install, and removes it on
/// uninstall; an unchanged reference costs no write (what it last wrote is remembered as keys, not strings).
/// </summary>
public sealed class ConversationReferenceRecorderTests
{
    private readonly CountingStore _store = new();
    private readonly ConversationReferenceRecorder _recorder = new();

    [Fact]
    public async Task RecordAsync_WritesTheFirstTurn_AndSkipsAnUnchangedReference()
    {
        await RecordAsync(ActivityBuilder.Message("hi"));
        await RecordAsync(ActivityBuilder.Message("again"));

        Assert.Equal(1, _store.Upserts);
    }

    [Fact]
    public async Task RecordAsync_WritesAgain_WhenAFieldOfTheReferenceChanges()
    {
        await RecordAsync(ActivityBuilder.Message("hi", serviceUrl: "https://smba.trafficmanager.net/uk/"));
        await RecordAsync(ActivityBuilder.Message("hi", serviceUrl: "https://smba.trafficmanager.net/emea/"));
        var message = ActivityBuilder.Message("hi", serviceUrl: "https://smba.trafficmanager.net/emea/");
        await RecordAsync(message with { Locale = "cy-GB" });
        await RecordAsync(message with { Locale = string.Empty });
        await RecordAsync(message with { Locale = null });

        Assert.Equal(5, _store.Upserts);
    }

    [Fact]
    public async Task RecordAsync_KeepsConversationsApart()
    {
        await RecordAsync(ActivityBuilder.Message("hi", conversationId: "a:one"));
        await RecordAsync(ActivityBuilder.Message("hi", conversationId: "a:two"));
        await RecordAsync(ActivityBuilder.Message("hi", conversationId: "a:one"));

        Assert.Equal(2, _store.Upserts);
    }

    [Fact]
    public async Task RecordAsync_AlwaysWritesAnInstall_AndForgetsAnUninstalledConversation()
    {
        await RecordAsync(ActivityBuilder.Message("hi"));
        await RecordAsync(ActivityBuilder.InstallationAdd());
        await RecordAsync(ActivityBuilder.InstallationAdd() with { Action = "remove" });
        await RecordAsync(ActivityBuilder.Message("back again"));

        Assert.Equal(3, _store.Upserts);
        Assert.Equal(1, _store.Removals);
    }

    private Task RecordAsync(Activity activity)
    {
        var services = new ServiceCollection().AddSingleton<IConversationReferenceStore>(_store).BuildServiceProvider();
        var turn = new TurnContext(activity, BotCaller.UnauthenticatedDevelopment, services, new RecordingConnectorClient(), "turn-1");
        return _recorder.RecordAsync(turn, CancellationToken.None);
    }

    private sealed class CountingStore : IConversationReferenceStore
    {
        public int Upserts { get; private set; }

        public int Removals { get; private set; }

        public Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken)
        {
            Upserts++;
            return Task.CompletedTask;
        }

        public Task<bool> RemoveAsync(string channelId, string conversationId, CancellationToken cancellationToken)
        {
            Removals++;
            return Task.FromResult(true);
        }

        public Task<StoredConversationReference?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoredConversationReference?> FindPersonalConversationAsync(string tenantId, string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> MarkInactiveAsync(string channelId, string conversationId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}

using HealthGuideBot.BotFramework.Proactive;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Infrastructure.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Infrastructure.Tests.Proactive;

[Trait("Security", "E57")]
public sealed class EfConversationReferenceStoreTests
{
    private static readonly ConversationReference NursePersonal = new()
    {
        ChannelId = Channels.MsTeams,
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        Conversation = new ConversationAccount { Id = "a:personal-nurse", ConversationType = "personal", TenantId = "tenant-1" },
        User = new ChannelAccount { Id = "29:nurse", AadObjectId = "aad-nurse" },
        Bot = new ChannelAccount { Id = "28:bot" },
    };

    private static readonly ConversationReference StaffGroup = NursePersonal with
    {
        Conversation = new ConversationAccount { Id = "19:staff@thread.v2", ConversationType = "groupChat", IsGroup = true, TenantId = "tenant-1" },
    };

    [Fact]
    public async Task Upsert_StoresTheReference_AndItSurvivesARestart()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await WithStore(database, store => store.UpsertAsync(NursePersonal, CancellationToken.None));

        await database.RestartAsync();

        var found = await WithStore(database, store => store.FindAsync(Channels.MsTeams, "a:personal-nurse", CancellationToken.None));
        Assert.NotNull(found);
        Assert.Equal(NursePersonal.ServiceUrl, found.Reference.ServiceUrl);
        Assert.Equal(NursePersonal.Conversation, found.Reference.Conversation);
        Assert.Equal(NursePersonal.User, found.Reference.User);
        Assert.Equal(("tenant-1", "aad-nurse", true, true), (found.TenantId, found.UserId, found.IsPersonal, found.IsActive));
        Assert.Equal(database.Time.GetUtcNow(), found.UpdatedAt);
    }

    [Fact]
    public async Task Upsert_ReplacesTheStoredReference_WhenTheConversationIsSeenAgain()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await WithStore(database, store => store.UpsertAsync(NursePersonal, CancellationToken.None));
        database.Time.Advance(TimeSpan.FromHours(1));

        await WithStore(database, store => store.UpsertAsync(NursePersonal with { ServiceUrl = "https://smba.trafficmanager.net/emea/" }, CancellationToken.None));

        var found = await WithStore(database, store => store.FindAsync(Channels.MsTeams, "a:personal-nurse", CancellationToken.None));
        Assert.Equal("https://smba.trafficmanager.net/emea/", found!.Reference.ServiceUrl);
        Assert.Equal(database.Time.GetUtcNow(), found.UpdatedAt);
    }

    [Fact]
    public async Task FindPersonalConversation_FindsTheUsersOneToOneChat_NotAGroupChatTheyWroteIn()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await WithStore(database, store => store.UpsertAsync(NursePersonal, CancellationToken.None));
        database.Time.Advance(TimeSpan.FromMinutes(1));
        await WithStore(database, store => store.UpsertAsync(StaffGroup, CancellationToken.None));

        var found = await WithStore(database, store => store.FindPersonalConversationAsync("tenant-1", "aad-nurse", CancellationToken.None));
        var otherTenant = await WithStore(database, store => store.FindPersonalConversationAsync("tenant-2", "aad-nurse", CancellationToken.None));

        Assert.Equal("a:personal-nurse", found!.Reference.Conversation.Id);
        Assert.Null(otherTenant);
    }

    [Fact]
    public async Task MarkInactive_HidesTheReferenceFromLookups_UntilTheUserWritesAgain()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await WithStore(database, store => store.UpsertAsync(NursePersonal, CancellationToken.None));

        var marked = await WithStore(database, store => store.MarkInactiveAsync(Channels.MsTeams, "a:personal-nurse", CancellationToken.None));
        await database.RestartAsync();
        var whileInactive = await WithStore(database, store => store.FindPersonalConversationAsync("tenant-1", "aad-nurse", CancellationToken.None));
        var stored = await WithStore(database, store => store.FindAsync(Channels.MsTeams, "a:personal-nurse", CancellationToken.None));
        await WithStore(database, store => store.UpsertAsync(NursePersonal, CancellationToken.None));
        var afterReinstall = await WithStore(database, store => store.FindPersonalConversationAsync("tenant-1", "aad-nurse", CancellationToken.None));

        Assert.True(marked);
        Assert.Null(whileInactive);
        Assert.False(stored!.IsActive);
        Assert.True(afterReinstall!.IsActive);
    }

    [Fact]
    public async Task Remove_DeletesTheReference_WhenTheBotIsUninstalled()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await WithStore(database, store => store.UpsertAsync(NursePersonal, CancellationToken.None));

        var removed = await WithStore(database, store => store.RemoveAsync(Channels.MsTeams, "a:personal-nurse", CancellationToken.None));
        var removedAgain = await WithStore(database, store => store.RemoveAsync(Channels.MsTeams, "a:personal-nurse", CancellationToken.None));
        await database.RestartAsync();

        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Null(await WithStore(database, store => store.FindAsync(Channels.MsTeams, "a:personal-nurse", CancellationToken.None)));
    }

    private static async Task<T> WithStore<T>(SqliteTestDatabase database, Func<IConversationReferenceStore, Task<T>> action)
    {
        await using var scope = database.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>());
    }

    private static async Task WithStore(SqliteTestDatabase database, Func<IConversationReferenceStore, Task> action)
    {
        await using var scope = database.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>());
    }
}

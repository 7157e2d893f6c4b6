using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthGuideBot.BotFramework.Tests.Connector;

/// <summary>The client against a real loopback connector: the bytes on the wire, the Playground's path.</summary>
public sealed class FakeConnectorServerTests
{
    private const string TeamsConversationId = "19:abc123@thread.tacv2;messageid=1715000000000";

    private static ServiceProvider UnauthenticatedClient()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.Configure<BotFrameworkOptions>(o => o.DangerouslyAllowUnauthenticatedLoopbackRequests = true);
        services.Configure<ConnectorOptions>(o => o.TenantSendsPerSecond = 0);
        services.AddBotFrameworkConnector();
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData("/_connector")]
    [InlineData("")]
    public async Task Ids_AreEscapedOnTheWire_AndTheServiceUrlPathIsKept(string pathBase)
    {
        await using FakeConnectorServer server = await FakeConnectorServer.StartAsync(pathBase);
        await using ServiceProvider provider = UnauthenticatedClient();
        IConnectorClient client = provider.GetRequiredService<IConnectorClient>();

        ResourceResponse sent = await client.SendToConversationAsync(server.ServiceUrl.AbsoluteUri, TeamsConversationId, new Activity { Type = "message", Text = "Hello" }, CancellationToken.None);
        await client.UpdateActivityAsync(server.ServiceUrl.AbsoluteUri.TrimEnd('/'), TeamsConversationId, sent.Id!, new Activity { Type = "message", Text = "Edited" }, CancellationToken.None);
        await client.DeleteActivityAsync(server.ServiceUrl.AbsoluteUri, TeamsConversationId, "1:a/b@c", CancellationToken.None);

        IReadOnlyList<ConnectorRequest> requests = server.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal($"{pathBase}/v3/conversations/19%3Aabc123%40thread.tacv2%3Bmessageid%3D1715000000000/activities", requests[0].RawTarget);
        Assert.Equal(TeamsConversationId, requests[0].ConversationId);
        Assert.Equal("Hello", requests[0].Activity?.Text);
        Assert.Equal("PUT", requests[1].Method);
        Assert.Equal(sent.Id, requests[1].ActivityId);
        Assert.Equal("Edited", requests[1].Activity?.Text);
        Assert.Equal("DELETE", requests[2].Method);
        Assert.EndsWith("/activities/1%3Aa%2Fb%40c", requests[2].RawTarget, StringComparison.Ordinal);
        Assert.Equal("1:a/b@c", requests[2].ActivityId);
        Assert.All(requests, r => Assert.Null(r.Authorization));
    }

    [Fact]
    [Trait("Security", "C43")]
    public async Task ProgrammedForbidden_ReachesTheCaller_AsBotRemoved()
    {
        await using FakeConnectorServer server = await FakeConnectorServer.StartAsync("/_connector");
        server.Respond = _ => FakeConnectorResponse.BotNotInConversationRoster();
        await using ServiceProvider provider = UnauthenticatedClient();

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => provider.GetRequiredService<IConnectorClient>()
            .SendToConversationAsync(server.ServiceUrl.AbsoluteUri, "a:1", new Activity { Type = "message", Text = "Reminder" }, CancellationToken.None));

        Assert.True(failure.IsBotRemovedFromConversation);
        Assert.Equal("BotNotInConversationRoster", failure.ErrorCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ManyConcurrentReplies_AllArrive()
    {
        await using FakeConnectorServer server = await FakeConnectorServer.StartAsync();
        await using ServiceProvider provider = UnauthenticatedClient();
        IConnectorClient client = provider.GetRequiredService<IConnectorClient>();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            client.SendToConversationAsync(server.ServiceUrl.AbsoluteUri, $"conversation-{i % 50}", new Activity { Type = "message", Text = $"m{i}" }, CancellationToken.None)));
        await server.WaitForRequestsAsync(200, TimeSpan.FromSeconds(10));

        Assert.Equal(200, server.SentActivities.Select(a => a.Text).Distinct().Count());
    }
}

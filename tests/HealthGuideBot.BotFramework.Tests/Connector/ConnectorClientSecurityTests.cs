using System.Net;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Schema;
using Microsoft.Extensions.Logging.Testing;

namespace HealthGuideBot.BotFramework.Tests.Connector;

public sealed class ConnectorClientSecurityTests
{
    [Theory]
    [Trait("Security", "D48")]
    [InlineData("https://evil.example.com/")]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net.evil.example/")]
    public async Task ServiceUrlOffTheAllowList_IsRefusedBeforeAnyTokenOrRequest(string serviceUrl)
    {
        var harness = new ConnectorHarness();

        await Assert.ThrowsAsync<OutboundRequestRefusedException>(() =>
            harness.Client.SendToConversationAsync(serviceUrl, "c", ConnectorHarness.Message("x"), CancellationToken.None));
        await Assert.ThrowsAsync<OutboundRequestRefusedException>(() =>
            harness.Client.UpdateActivityAsync(serviceUrl, "c", "1", ConnectorHarness.Message("x"), CancellationToken.None));
        await Assert.ThrowsAsync<OutboundRequestRefusedException>(() =>
            harness.Client.DeleteActivityAsync(serviceUrl, "c", "1", CancellationToken.None));
        await Assert.ThrowsAsync<OutboundRequestRefusedException>(() =>
            harness.Client.ReplyToActivityAsync(serviceUrl, "c", "1", ConnectorHarness.Message("x"), CancellationToken.None));
        await Assert.ThrowsAsync<OutboundRequestRefusedException>(() =>
            harness.Client.CreateConversationAsync(serviceUrl, new ConversationParameters(), CancellationToken.None));

        Assert.Equal(0, harness.FakeTokens.Gets);
        Assert.Empty(harness.Requests);
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Id.Id == 1207);
    }

    [Fact]
    [Trait("Security", "D48")]
    public async Task UnauthenticatedLoopbackMode_SendsNoAuthorizationHeader_AndAsksForNoToken()
    {
        var harness = new ConnectorHarness(configureBot: o =>
        {
            o.AppId = null;
            o.DangerouslyAllowUnauthenticatedLoopbackRequests = true;
        });

        await harness.Client.SendToConversationAsync("http://127.0.0.1:56150/_connector", "c", ConnectorHarness.Message("x"), CancellationToken.None);

        Assert.Null(Assert.Single(harness.Requests).Authorization);
        Assert.Equal("http://127.0.0.1:56150/_connector/v3/conversations/c/activities", harness.Requests[0].Uri.AbsoluteUri);
        Assert.Equal(0, harness.FakeTokens.Gets);
    }

    [Fact]
    [Trait("Security", "D48")]
    public async Task TheTokenAppearsInNoLogRecordOrExceptionMessage()
    {
        var tokens = new FakeBotTokenProvider();
        var harness = new ConnectorHarness(tokens: tokens);
        harness.ThenStatus(HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.BadGateway, HttpStatusCode.BadGateway);
        var failure = await Assert.ThrowsAsync<ConnectorException>(() => harness.Time.DriveAsync(
            harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.ConversationId, ConnectorHarness.Message("Pupil Jane Doe"), CancellationToken.None),
            TimeSpan.FromMilliseconds(50),
            TimeSpan.FromMinutes(1)));
        harness.Default = _ => ConnectorHarness.Error(HttpStatusCode.Forbidden, "BotNotInConversationRoster");
        var forbidden = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.ConversationId, ConnectorHarness.Message("Pupil Jane Doe"), CancellationToken.None));

        IReadOnlyList<FakeLogRecord> records = harness.Logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (string text in records.Select(r => r.Message).Append(failure.ToString()).Append(forbidden.ToString()))
        {
            Assert.DoesNotContain("tok-", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Jane", text, StringComparison.Ordinal);
            Assert.DoesNotContain(ConnectorHarness.ConversationId, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer", text, StringComparison.Ordinal);
        }

        Assert.All(records, r => Assert.InRange(r.Id.Id, 1200, 1299));
    }

    [Fact]
    [Trait("Security", "D47")]
    public async Task Unauthorized_ForcesOneRefresh_AndOneRetryWithTheNewToken()
    {
        var harness = new ConnectorHarness().ThenStatus(HttpStatusCode.Unauthorized);

        ResourceResponse response = await harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "c", ConnectorHarness.Message("x"), CancellationToken.None);

        Assert.Equal("act-2", response.Id);
        Assert.Equal(["Bearer tok-1", "Bearer tok-2"], harness.Requests.Select(r => r.Authorization));
        Assert.Equal(1, harness.FakeTokens.Refreshes);
    }

    [Fact]
    [Trait("Security", "D47")]
    public async Task UnauthorizedTwice_StopsAfterOneRefresh()
    {
        var harness = new ConnectorHarness();
        harness.Default = _ => new HttpResponseMessage(HttpStatusCode.Unauthorized);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "c", ConnectorHarness.Message("x"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Equal(2, harness.Requests.Count);
        Assert.Equal(1, harness.FakeTokens.Refreshes);
    }

    [Fact]
    [Trait("Security", "C42")]
    public async Task ActivityOver40KB_IsRefusedBeforeSending()
    {
        var harness = new ConnectorHarness();
        Activity big = ConnectorHarness.Message(new string('x', 41 * 1024));

        var refused = await Assert.ThrowsAsync<OutboundRequestRefusedException>(() =>
            harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "c", big, CancellationToken.None));
        await Assert.ThrowsAsync<OutboundRequestRefusedException>(() =>
            harness.Client.UpdateActivityAsync(ConnectorHarness.ServiceUrl, "c", "1", big, CancellationToken.None));
        await Assert.ThrowsAsync<OutboundRequestRefusedException>(() =>
            harness.Client.CreateConversationAsync(ConnectorHarness.ServiceUrl, new ConversationParameters { Activity = big }, CancellationToken.None));

        Assert.Equal(OutboundRefusalReason.ActivityTooLarge, refused.Reason);
        Assert.Equal(40 * 1024, refused.LimitBytes);
        Assert.True(refused.ActivityBytes > 41 * 1024);
        Assert.Empty(harness.Requests);
        Assert.Equal(0, harness.FakeTokens.Gets);
    }

    [Fact]
    [Trait("Security", "C42")]
    public async Task ActivityJustUnderTheLimit_IsSent()
    {
        var harness = new ConnectorHarness();

        await harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "c", ConnectorHarness.Message(new string('x', 40 * 1024 - 100)), CancellationToken.None);

        Assert.InRange(Assert.Single(harness.Requests).Body!.Length, 40 * 1024 - 100, 40 * 1024);
    }
}

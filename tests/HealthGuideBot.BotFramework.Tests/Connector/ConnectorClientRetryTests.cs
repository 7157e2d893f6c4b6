using System.Net;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Testing;

namespace HealthGuideBot.BotFramework.Tests.Connector;

[Trait("Security", "C45")]
public sealed class ConnectorClientRetryTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private static Task<ResourceResponse> Send(ConnectorHarness harness) =>
        harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.ConversationId, ConnectorHarness.Message("Reminder R-1042"), CancellationToken.None);

    private static Task<ResourceResponse> Update(ConnectorHarness harness) =>
        harness.Client.UpdateActivityAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.ConversationId, "1:5", ConnectorHarness.Message("Card v2"), CancellationToken.None);

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    public async Task ThrottlingStatuses_AreRetried_UntilTheySucceed(HttpStatusCode status)
    {
        var harness = new ConnectorHarness().ThenStatus(status, status);

        ResourceResponse response = await harness.Time.DriveAsync(Send(harness), Step, Limit);

        Assert.Equal("act-3", response.Id);
        Assert.Equal(3, harness.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task AmbiguousFailureOnASend_IsRetriedOnce_ThenReportedAsPossiblyDelivered(HttpStatusCode status)
    {
        var harness = new ConnectorHarness().ThenStatus(status, status, status);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => harness.Time.DriveAsync(Send(harness), Step, Limit));

        Assert.Equal(2, harness.Requests.Count);
        Assert.True(failure.PossiblyDelivered);
        Assert.Equal(status, failure.StatusCode);
        Assert.True(harness.Requests[1].ReceivedAt - harness.Requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(375), "The one retry waits first.");
    }

    [Fact]
    public async Task AmbiguousFailureOnASend_ThatSucceedsOnRetry_ReturnsTheResult()
    {
        var harness = new ConnectorHarness().ThenStatus(HttpStatusCode.BadGateway);

        ResourceResponse response = await harness.Time.DriveAsync(Send(harness), Step, Limit);

        Assert.Equal("act-2", response.Id);
        Assert.Equal(2, harness.Requests.Count);
    }

    [Fact]
    public async Task AmbiguousFailureThenThrottling_KeepsPossiblyDelivered_AndStopsAtTheNextAmbiguousFailure()
    {
        var harness = new ConnectorHarness().ThenStatus(HttpStatusCode.GatewayTimeout, HttpStatusCode.TooManyRequests, HttpStatusCode.BadGateway);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => harness.Time.DriveAsync(Send(harness), Step, Limit));

        Assert.Equal(3, harness.Requests.Count);
        Assert.True(failure.PossiblyDelivered);
    }

    [Fact]
    public async Task TransportFailureOnASend_IsAmbiguousToo()
    {
        var harness = new ConnectorHarness();
        harness.Default = _ => throw new HttpRequestException("connection reset");

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => harness.Time.DriveAsync(Send(harness), Step, Limit));

        Assert.Equal(2, harness.Requests.Count);
        Assert.True(failure.PossiblyDelivered);
        Assert.IsType<HttpRequestException>(failure.InnerException);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task ServerFailuresOnAnUpdate_AreRetriedLikeThrottling_BecauseAnUpdateIsIdempotent(HttpStatusCode status)
    {
        var harness = new ConnectorHarness().ThenStatus(status, status, status);

        await harness.Time.DriveAsync(Update(harness), Step, Limit);

        Assert.Equal(4, harness.Requests.Count);
        Assert.All(harness.Requests, r => Assert.Equal(HttpMethod.Put, r.Method));
    }

    [Fact]
    public async Task ServerFailuresOnADelete_AreRetried_AndNeverMarkedPossiblyDelivered()
    {
        var harness = new ConnectorHarness();
        harness.Default = _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => harness.Time.DriveAsync(
            harness.Client.DeleteActivityAsync(ConnectorHarness.ServiceUrl, ConnectorHarness.ConversationId, "1:5", CancellationToken.None), Step, Limit));

        Assert.Equal(harness.Options.MaxAttempts, harness.Requests.Count);
        Assert.False(failure.PossiblyDelivered);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    public async Task ClientErrors_AreNotRetried(HttpStatusCode status)
    {
        var harness = new ConnectorHarness().Then(_ => ConnectorHarness.Error(status, "BadArgument"));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Send(harness));

        Assert.Single(harness.Requests);
        Assert.Equal(status, failure.StatusCode);
        Assert.Equal("BadArgument", failure.ErrorCode);
        Assert.False(failure.PossiblyDelivered);
    }

    [Fact]
    public async Task EndlessThrottling_GivesUpAfterMaxAttempts()
    {
        var harness = new ConnectorHarness();
        harness.Default = _ => new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => harness.Time.DriveAsync(Send(harness), Step, Limit));

        Assert.Equal(5, harness.Requests.Count);
        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
        Assert.False(failure.PossiblyDelivered);
    }

    [Fact]
    public async Task RetryAfterBeyondTheTotalDelayBudget_GivesUpAtOnce_AndReportsTheRetryAfter()
    {
        var harness = new ConnectorHarness().Then(_ => new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = new(TimeSpan.FromMinutes(5)) } });

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Send(harness));

        Assert.Single(harness.Requests);
        Assert.Equal(TimeSpan.FromMinutes(5), failure.RetryAfter);
    }

    [Fact]
    public async Task RetryAfterAsAnHttpDate_IsHonoured()
    {
        var harness = new ConnectorHarness();
        harness.Then(_ => new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            Headers = { RetryAfter = new(harness.Time.GetUtcNow() + TimeSpan.FromSeconds(4)) },
        });

        await harness.Time.DriveAsync(Send(harness), Step, Limit);

        Assert.Equal(2, harness.Requests.Count);
        Assert.InRange(harness.Requests[1].ReceivedAt - harness.Requests[0].ReceivedAt, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4.1));
    }

    [Fact]
    public async Task Cancellation_DuringABackOff_StopsRetrying()
    {
        var harness = new ConnectorHarness();
        harness.Default = _ => new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        using var cancel = new CancellationTokenSource();

        Task<ResourceResponse> send = harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "c", ConnectorHarness.Message("x"), cancel.Token);
        for (int i = 0; i < 1000 && harness.Requests.Count == 0; i++)
        {
            await Task.Yield();
        }

        await cancel.CancelAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(1));

        await send.FailsWithAsync<OperationCanceledException>();
        Assert.Single(harness.Requests);
    }

    [Theory]
    [Trait("Security", "C43")]
    [InlineData("BotNotInConversationRoster")]
    [InlineData("MessageWritesBlocked")]
    public async Task Forbidden_IsNotRetried_AndSaysTheBotWasRemoved(string code)
    {
        var harness = new ConnectorHarness();
        harness.Default = _ => ConnectorHarness.Error(HttpStatusCode.Forbidden, code);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Send(harness));

        Assert.Single(harness.Requests);
        Assert.Equal(0, harness.FakeTokens.Refreshes);
        Assert.True(failure.IsBotRemovedFromConversation);
        Assert.Equal(code, failure.ErrorCode);
        Assert.False(failure.PossiblyDelivered);
        Assert.DoesNotContain("roster.", failure.Message, StringComparison.Ordinal); // the connector's own text is not echoed
    }

    [Fact]
    [Trait("Security", "C43")]
    public async Task Forbidden_WithAnOddBody_StillStops_WithNoCode()
    {
        var harness = new ConnectorHarness();
        harness.Default = _ => RecordingHttpMessageHandler.Json("""{"error":{"code":"<script>alert(1)</script>"}}""", HttpStatusCode.Forbidden);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => Send(harness));

        Assert.True(failure.IsBotRemovedFromConversation);
        Assert.Null(failure.ErrorCode);
    }
}

using System.Net;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.BotFramework.Tests.Connector;

public sealed class CachingBotTokenProviderTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private readonly FakeTimeProvider _time = FakeClock.Create();
    private readonly FakeLogCollector _logs = new();

    private CachingBotTokenProvider Provider(TokenEndpointFake endpoint)
    {
        var options = new BotFrameworkOptions { AppId = "app", AppPassword = "s3cret", AppTenantId = "tenant" };
        var source = new ClientCredentialsTokenSource(
            new FakeHttpClientFactory().Add(ClientCredentialsTokenSource.HttpClientName, endpoint.Handler),
            new TestOptionsMonitor<BotFrameworkOptions>(options),
            _time);
        return new CachingBotTokenProvider(source, _time, new FixedJitter(0.5), new FakeLogger<CachingBotTokenProvider>(_logs));
    }

    [Fact]
    [Trait("Security", "D47")]
    public async Task HundredConcurrentSends_CauseOneTokenRequest()
    {
        var endpoint = new TokenEndpointFake(_time);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        endpoint.Gate = gate.Task;
        using CachingBotTokenProvider tokens = Provider(endpoint);
        var harness = new ConnectorHarness(tokens: tokens);

        Task<ResourceResponse>[] sends = [.. Enumerable.Range(0, 100).Select(i =>
            harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, $"conversation-{i}", ConnectorHarness.Message("x"), CancellationToken.None))];
        gate.SetResult();
        await Task.WhenAll(sends);

        Assert.Single(endpoint.Requests);
        Assert.Equal(100, harness.Requests.Count);
        Assert.All(harness.Requests, r => Assert.Equal("Bearer token-1", r.Authorization));
    }

    [Fact]
    [Trait("Security", "D47")]
    public async Task Token_IsReused_ThenRefreshedFiveMinutesBeforeExpiry()
    {
        var endpoint = new TokenEndpointFake(_time);
        using CachingBotTokenProvider tokens = Provider(endpoint);

        Assert.Equal("token-1", await tokens.GetTokenAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("token-1", await tokens.GetTokenAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await tokens.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, endpoint.Requests.Count);
    }

    [Fact]
    [Trait("Security", "D47")]
    public async Task ShortLivedToken_IsRefreshedHalfWayThroughItsLife()
    {
        var endpoint = new TokenEndpointFake(_time, expiresInSeconds: 240);
        using CachingBotTokenProvider tokens = Provider(endpoint);

        await tokens.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal("token-1", await tokens.GetTokenAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("token-2", await tokens.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    [Trait("Security", "D47")]
    public async Task WhileOneCallerRefreshes_OthersKeepUsingTheStillValidToken()
    {
        var endpoint = new TokenEndpointFake(_time);
        using CachingBotTokenProvider tokens = Provider(endpoint);
        await tokens.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(56));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        endpoint.Gate = gate.Task;

        Task<string> refreshing = tokens.GetTokenAsync(CancellationToken.None).AsTask();
        string other = await tokens.GetTokenAsync(CancellationToken.None);
        gate.SetResult();

        Assert.Equal("token-1", other);
        Assert.Equal("token-2", await refreshing);
        Assert.Equal(2, endpoint.Requests.Count);
    }

    [Fact]
    [Trait("Security", "D47")]
    public async Task ConcurrentRejections_OfTheSameToken_CauseOneRefresh()
    {
        var endpoint = new TokenEndpointFake(_time);
        using CachingBotTokenProvider tokens = Provider(endpoint);
        string rejected = await tokens.GetTokenAsync(CancellationToken.None);

        string[] fresh = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => tokens.RefreshAfterRejectionAsync(rejected, CancellationToken.None).AsTask()));

        Assert.All(fresh, t => Assert.Equal("token-2", t));
        Assert.Equal(2, endpoint.Requests.Count);
    }

    [Fact]
    [Trait("Security", "D47")]
    public async Task ConnectorUnauthorized_RefreshesTheRealTokenOnce_AndRetries()
    {
        var endpoint = new TokenEndpointFake(_time);
        using CachingBotTokenProvider tokens = Provider(endpoint);
        var harness = new ConnectorHarness(tokens: tokens).ThenStatus(HttpStatusCode.Unauthorized);

        await harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "c", ConnectorHarness.Message("x"), CancellationToken.None);

        Assert.Equal(["Bearer token-1", "Bearer token-2"], harness.Requests.Select(r => r.Authorization));
        Assert.Equal(2, endpoint.Requests.Count);
    }

    [Fact]
    [Trait("Security", "D49")]
    public async Task ThrottledTokenEndpoint_IsRetriedAfterRetryAfter_ThenSucceeds()
    {
        var endpoint = new TokenEndpointFake(_time).Then(
            () => TokenEndpointFake.OAuthError(HttpStatusCode.TooManyRequests, "throttled", TimeSpan.FromSeconds(2)),
            () => TokenEndpointFake.OAuthError(HttpStatusCode.BadRequest, "temporarily_unavailable"));
        using CachingBotTokenProvider tokens = Provider(endpoint);

        string token = await _time.DriveAsync(tokens.GetTokenAsync(CancellationToken.None).AsTask(), Step, TimeSpan.FromSeconds(30));

        Assert.Equal("token-1", token);
        Assert.Equal(3, endpoint.Requests.Count);
        Assert.True(endpoint.Requests[1].ReceivedAt - endpoint.Requests[0].ReceivedAt >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    [Trait("Security", "D49")]
    public async Task UnavailableTokenEndpoint_GivesUpAfterBoundedRetries_WithATransientError_AndNothingIsSent()
    {
        var endpoint = new TokenEndpointFake(_time);
        for (int i = 0; i < 10; i++)
        {
            endpoint.Then(() => TokenEndpointFake.OAuthError(HttpStatusCode.ServiceUnavailable, "temporarily_unavailable"));
        }

        using CachingBotTokenProvider tokens = Provider(endpoint);
        var harness = new ConnectorHarness(tokens: tokens);

        var failure = await Assert.ThrowsAsync<BotTokenException>(() => _time.DriveAsync(
            harness.Client.SendToConversationAsync(ConnectorHarness.ServiceUrl, "c", ConnectorHarness.Message("x"), CancellationToken.None), Step, TimeSpan.FromMinutes(1)));

        Assert.True(failure.IsTransient);
        Assert.Equal("temporarily_unavailable", failure.ErrorCode);
        Assert.Equal(CachingBotTokenProvider.MaxAttempts, endpoint.Requests.Count);
        Assert.Empty(harness.Requests);
        Assert.Contains(_logs.GetSnapshot(), r => r.Id.Id == 1222);
    }

    [Fact]
    [Trait("Security", "D49")]
    public async Task RetryAfterLongerThanTheRetryBudget_GivesUpAtOnce()
    {
        var endpoint = new TokenEndpointFake(_time).Then(
            () => TokenEndpointFake.OAuthError(HttpStatusCode.TooManyRequests, "throttled", TimeSpan.FromMinutes(2)));
        using CachingBotTokenProvider tokens = Provider(endpoint);

        var failure = await Assert.ThrowsAsync<BotTokenException>(() => tokens.GetTokenAsync(CancellationToken.None).AsTask());

        Assert.Single(endpoint.Requests);
        Assert.Equal(TimeSpan.FromMinutes(2), failure.RetryAfter);
    }

    [Fact]
    [Trait("Security", "D49")]
    public async Task RefusedCredentials_AreNotRetried()
    {
        var endpoint = new TokenEndpointFake(_time).Then(() => TokenEndpointFake.OAuthError(HttpStatusCode.Unauthorized, "invalid_client"));
        using CachingBotTokenProvider tokens = Provider(endpoint);

        var failure = await Assert.ThrowsAsync<BotTokenException>(() => tokens.GetTokenAsync(CancellationToken.None).AsTask());

        Assert.False(failure.IsTransient);
        Assert.Single(endpoint.Requests);
    }

    [Fact]
    [Trait("Security", "D49")]
    public async Task FailedEarlyRefresh_KeepsUsingTheStillValidToken()
    {
        var endpoint = new TokenEndpointFake(_time);
        using CachingBotTokenProvider tokens = Provider(endpoint);
        await tokens.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(56));
        for (int i = 0; i < 10; i++)
        {
            endpoint.Then(() => TokenEndpointFake.OAuthError(HttpStatusCode.ServiceUnavailable, "temporarily_unavailable"));
        }

        string token = await _time.DriveAsync(tokens.GetTokenAsync(CancellationToken.None).AsTask(), Step, TimeSpan.FromMinutes(1));

        Assert.Equal("token-1", token);
        Assert.Contains(_logs.GetSnapshot(), r => r.Id.Id == 1224);
    }

    [Fact]
    [Trait("Security", "D48")]
    public async Task TokenProviderLogs_NeverContainTheToken()
    {
        var endpoint = new TokenEndpointFake(_time).Then(() => TokenEndpointFake.OAuthError(HttpStatusCode.ServiceUnavailable, "temporarily_unavailable"));
        using CachingBotTokenProvider tokens = Provider(endpoint);

        await _time.DriveAsync(tokens.GetTokenAsync(CancellationToken.None).AsTask(), Step, TimeSpan.FromMinutes(1));

        Assert.NotEmpty(_logs.GetSnapshot());
        Assert.All(_logs.GetSnapshot(), r =>
        {
            Assert.DoesNotContain("token-", r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cret", r.Message, StringComparison.Ordinal);
            Assert.InRange(r.Id.Id, 1200, 1299);
        });
    }
}

using System.Net;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.BotFramework.Tests.Connector;

[Trait("Security", "D46")]
public sealed class ClientCredentialsTokenSourceTests
{
    private readonly FakeTimeProvider _time = FakeClock.Create();

    private static BotFrameworkOptions SingleTenant(BotCloud cloud = BotCloud.Public) => new()
    {
        AppType = BotAppType.SingleTenant,
        AppId = "11111111-2222-3333-4444-555555555555",
        AppPassword = "s3cret~value&with=odd+chars",
        AppTenantId = "school-tenant-id",
        Cloud = cloud,
    };

    private ClientCredentialsTokenSource Source(TokenEndpointFake endpoint, BotFrameworkOptions options) =>
        new(new FakeHttpClientFactory().Add(ClientCredentialsTokenSource.HttpClientName, endpoint.Handler), new TestOptionsMonitor<BotFrameworkOptions>(options), _time);

    [Fact]
    public async Task Request_IsAClientCredentialsGrant_AtTheTenantsV2Endpoint()
    {
        var endpoint = new TokenEndpointFake(_time);

        BotToken token = await Source(endpoint, SingleTenant()).RequestTokenAsync(CancellationToken.None);

        RecordedHttpRequest request = Assert.Single(endpoint.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://login.microsoftonline.com/school-tenant-id/oauth2/v2.0/token", request.Uri.AbsoluteUri);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"], StringComparison.Ordinal);
        var form = TokenEndpointFake.Form(request);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("11111111-2222-3333-4444-555555555555", form["client_id"]);
        Assert.Equal("s3cret~value&with=odd+chars", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
        Assert.Null(request.Authorization);
        Assert.Equal("token-1", token.Value);
        Assert.Equal(FakeClock.Start.AddHours(1), token.ExpiresOn);
    }

    [Fact]
    public async Task GovernmentCloud_UsesTheUsAuthorityAndScope()
    {
        var endpoint = new TokenEndpointFake(_time);

        await Source(endpoint, SingleTenant(BotCloud.Government)).RequestTokenAsync(CancellationToken.None);

        RecordedHttpRequest request = Assert.Single(endpoint.Requests);
        Assert.Equal("https://login.microsoftonline.us/school-tenant-id/oauth2/v2.0/token", request.Uri.AbsoluteUri);
        Assert.Equal("https://api.botframework.us/.default", TokenEndpointFake.Form(request)["scope"]);
    }

    [Fact]
    public async Task TokenAuthorityOverride_IsUsed()
    {
        var endpoint = new TokenEndpointFake(_time);
        BotFrameworkOptions options = SingleTenant();
        options.TokenAuthority = new Uri("http://127.0.0.1:5123/fake-entra/");

        await Source(endpoint, options).RequestTokenAsync(CancellationToken.None);

        Assert.Equal("http://127.0.0.1:5123/fake-entra/school-tenant-id/oauth2/v2.0/token", Assert.Single(endpoint.Requests).Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData(null, "secret", "tenant")]
    [InlineData("app", null, "tenant")]
    [InlineData("app", "secret", null)]
    public async Task MissingSetting_IsAConfigurationError_WithNoRequest(string? appId, string? password, string? tenant)
    {
        var endpoint = new TokenEndpointFake(_time);
        var options = new BotFrameworkOptions { AppId = appId, AppPassword = password, AppTenantId = tenant };

        var failure = await Assert.ThrowsAsync<BotTokenException>(() => Source(endpoint, options).RequestTokenAsync(CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Contains("MicrosoftAppPassword", failure.Message, StringComparison.Ordinal);
        Assert.Empty(endpoint.Requests);
    }

    [Theory]
    [Trait("Security", "D49")]
    [InlineData(HttpStatusCode.TooManyRequests, "throttled", true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "temporarily_unavailable", true)]
    [InlineData(HttpStatusCode.BadRequest, "temporarily_unavailable", true)]
    [InlineData(HttpStatusCode.InternalServerError, "server_error", true)]
    [InlineData(HttpStatusCode.Unauthorized, "invalid_client", false)]
    [InlineData(HttpStatusCode.BadRequest, "unauthorized_client", false)]
    public async Task Failures_AreClassified_WithoutTheSecretOrTheServersText(HttpStatusCode status, string error, bool transient)
    {
        var endpoint = new TokenEndpointFake(_time).Then(() => TokenEndpointFake.OAuthError(status, error));

        var failure = await Assert.ThrowsAsync<BotTokenException>(() => Source(endpoint, SingleTenant()).RequestTokenAsync(CancellationToken.None));

        Assert.Equal(transient, failure.IsTransient);
        Assert.Equal(error, failure.ErrorCode);
        Assert.DoesNotContain("s3cret", failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AADSTS", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Security", "D51")]
    public async Task RotatedSecret_IsUsedByTheNextRequest_WithoutARestart()
    {
        var endpoint = new TokenEndpointFake(_time);
        var monitor = new TestOptionsMonitor<BotFrameworkOptions>(SingleTenant());
        var source = new ClientCredentialsTokenSource(new FakeHttpClientFactory().Add(ClientCredentialsTokenSource.HttpClientName, endpoint.Handler), monitor, _time);
        await source.RequestTokenAsync(CancellationToken.None);

        BotFrameworkOptions rotated = SingleTenant();
        rotated.AppPassword = "new-secret";
        monitor.Set(rotated);
        await source.RequestTokenAsync(CancellationToken.None);

        Assert.Equal(["s3cret~value&with=odd+chars", "new-secret"], endpoint.Requests.Select(r => TokenEndpointFake.Form(r)["client_secret"]));
    }

    [Fact]
    public void BotToken_ToString_NeverShowsTheValue()
    {
        Assert.DoesNotContain("secret-token-value", new BotToken("secret-token-value", FakeClock.Start).ToString(), StringComparison.Ordinal);
    }
}

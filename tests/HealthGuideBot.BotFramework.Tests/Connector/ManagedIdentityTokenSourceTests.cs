using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.BotFramework.Tests.Connector;

[Trait("Security", "D50")]
public sealed class ManagedIdentityTokenSourceTests
{
    private readonly FakeTimeProvider _time = FakeClock.Create();

    private static BotFrameworkOptions Msi(BotCloud cloud = BotCloud.Public, Uri? endpoint = null) => new()
    {
        AppType = BotAppType.UserAssignedMSI,
        AppId = "msi-client-id",
        AppTenantId = "school-tenant-id",
        Cloud = cloud,
        ManagedIdentityEndpoint = endpoint,
    };

    private ManagedIdentityTokenSource Source(TokenEndpointFake endpoint, BotFrameworkOptions options, ManagedIdentityEnvironment? environment = null) =>
        new(
            new FakeHttpClientFactory().Add(ManagedIdentityTokenSource.HttpClientName, endpoint.Handler),
            new TestOptionsMonitor<BotFrameworkOptions>(options),
            _time,
            environment ?? ManagedIdentityEnvironment.Imds);

    [Fact]
    public async Task Imds_IsAskedForTheBotFrameworkResource_ForTheBotsIdentity_WithNoSecret()
    {
        var endpoint = new TokenEndpointFake(_time, expiresInSeconds: 86399, numbersAsStrings: true);

        BotToken token = await Source(endpoint, Msi(endpoint: new Uri("http://127.0.0.1:5050/metadata/identity/oauth2/token"))).RequestTokenAsync(CancellationToken.None);

        RecordedHttpRequest request = Assert.Single(endpoint.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("http://127.0.0.1:5050/metadata/identity/oauth2/token", request.Uri.GetLeftPart(UriPartial.Path));
        var query = TokenEndpointFake.Query(request);
        Assert.Equal("2018-02-01", query["api-version"]);
        Assert.Equal("https://api.botframework.com", query["resource"]);
        Assert.Equal("msi-client-id", query["client_id"]);
        Assert.Equal("true", request.Headers["Metadata"]);
        Assert.Null(request.Body);
        Assert.DoesNotContain("secret", request.Uri.Query, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("token-1", token.Value);
        Assert.Equal(FakeClock.Start.AddSeconds(86399), token.ExpiresOn);
    }

    [Fact]
    public async Task DefaultEndpoint_IsTheInstanceMetadataService()
    {
        var endpoint = new TokenEndpointFake(_time);

        await Source(endpoint, Msi()).RequestTokenAsync(CancellationToken.None);

        Assert.Equal("http://169.254.169.254/metadata/identity/oauth2/token", Assert.Single(endpoint.Requests).Uri.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task GovernmentCloud_AsksForTheUsResource()
    {
        var endpoint = new TokenEndpointFake(_time);

        await Source(endpoint, Msi(BotCloud.Government)).RequestTokenAsync(CancellationToken.None);

        Assert.Equal("https://api.botframework.us", TokenEndpointFake.Query(Assert.Single(endpoint.Requests))["resource"]);
    }

    [Fact]
    public async Task AppService_UsesItsIdentityEndpointAndHeader()
    {
        var endpoint = new TokenEndpointFake(_time);
        var environment = new ManagedIdentityEnvironment(new Uri("http://127.0.0.1:41741/msi/token"), "identity-header-secret");

        await Source(endpoint, Msi(), environment).RequestTokenAsync(CancellationToken.None);

        RecordedHttpRequest request = Assert.Single(endpoint.Requests);
        Assert.Equal("http://127.0.0.1:41741/msi/token", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("2019-08-01", TokenEndpointFake.Query(request)["api-version"]);
        Assert.Equal("identity-header-secret", request.Headers["X-IDENTITY-HEADER"]);
        Assert.False(request.Headers.ContainsKey("Metadata"));
        Assert.DoesNotContain("identity-header-secret", environment.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiresOn_IsUsed_WhenExpiresInIsMissing()
    {
        var endpoint = new TokenEndpointFake(_time).Then(() => RecordingHttpMessageHandler.Json(
            $$"""{"access_token":"msi-token","expires_on":"{{FakeClock.Start.AddHours(2).ToUnixTimeSeconds()}}","resource":"https://api.botframework.com","token_type":"Bearer"}"""));

        BotToken token = await Source(endpoint, Msi()).RequestTokenAsync(CancellationToken.None);

        Assert.Equal(FakeClock.Start.AddHours(2), token.ExpiresOn);
    }

    [Theory]
    [InlineData(System.Net.HttpStatusCode.NotFound, true)]
    [InlineData(System.Net.HttpStatusCode.Gone, true)]
    [InlineData(System.Net.HttpStatusCode.TooManyRequests, true)]
    [InlineData(System.Net.HttpStatusCode.BadRequest, false)]
    public async Task ImdsFailures_AreClassified(System.Net.HttpStatusCode status, bool transient)
    {
        var endpoint = new TokenEndpointFake(_time).Then(() => TokenEndpointFake.OAuthError(status, "invalid_request"));

        var failure = await Assert.ThrowsAsync<BotTokenException>(() => Source(endpoint, Msi()).RequestTokenAsync(CancellationToken.None));

        Assert.Equal(transient, failure.IsTransient);
    }
}

using System.Net;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Host.Tests.Messaging;
using HealthGuideBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Host.Tests.Authentication;

/// <summary>
/// The real host with authentication on (Production, an app id, the school's tenant), its OpenID metadata served by a
/// loopback server with keys generated in the test. "401" means no handler ran and nothing was sent (security.md §5).
/// </summary>
public sealed class AuthenticatedEndpointTests : IAsyncLifetime
{
    private OpenIdMetadataServer _metadata = null!; // Set in InitializeAsync, before any test runs.
    private readonly ProbeBot _probe = new();

    public async Task InitializeAsync() => _metadata = await OpenIdMetadataServer.StartAsync();

    public async Task DisposeAsync() => await _metadata.DisposeAsync();

    [Fact]
    [Trait("Security", "A1")]
    public async Task ValidTeamsToken_ReachesTheBot_AndTheReplyIsSent()
    {
        using var host = CreateHost();
        var message = ActivityBuilder.Message("hello", serviceUrl: TestIdentities.ServiceUrl);

        using var response = await host.PostActivityAsync(message, TestTokenBuilder.BotFramework(TimeProvider.System).Build());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_probe.Seen);
        Assert.Single(host.Connector.Sent);
    }

    [Fact]
    [Trait("Security", "A2")]
    public async Task NoToken_Gets401_AndNothingReachesAHandler() =>
        await AssertUnauthorizedAsync(null);

    [Fact]
    [Trait("Security", "A4")]
    public async Task JunkToken_Gets401_AndNothingReachesAHandler() =>
        await AssertUnauthorizedAsync("not-a-jwt");

    [Fact]
    [Trait("Security", "A10")]
    public async Task TokenForAnotherBot_Gets401_AndNothingReachesAHandler() =>
        await AssertUnauthorizedAsync(TestTokenBuilder.BotFramework(TimeProvider.System, appId: TestIdentities.OtherBotAppId).Build());

    [Fact]
    [Trait("Security", "A5")]
    public async Task TokenSignedByAnUnknownKey_Gets401() =>
        await AssertUnauthorizedAsync(TestTokenBuilder.BotFramework(TimeProvider.System, key: TestSigningKeys.Attacker).Build());

    [Fact]
    [Trait("Security", "A17")]
    public async Task ServiceUrlClaimForAnotherHost_Gets401() =>
        await AssertUnauthorizedAsync(TestTokenBuilder.BotFramework(TimeProvider.System, serviceUrl: "https://smba.trafficmanager.net/amer/").Build());

    [Fact]
    [Trait("Security", "C34")]
    public async Task ValidTokenFromATenantNotAllowed_Gets403()
    {
        using var host = CreateHost(allowedTenant: TestIdentities.OtherTenantId);
        var message = ActivityBuilder.Message("hello", serviceUrl: TestIdentities.ServiceUrl);

        using var response = await host.PostActivityAsync(message, TestTokenBuilder.BotFramework(TimeProvider.System).Build());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_probe.Seen);
        Assert.Empty(host.Connector.Sent);
    }

    [Fact]
    [Trait("Security", "A22")]
    public void Host_RefusesToStart_InProductionWithoutAnAppId()
    {
        using var host = new BotHostFactory(environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("MicrosoftAppId is not set", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Security", "A22")]
    public void Host_RefusesToStart_WhenUnauthenticatedModeWouldListenBeyondLoopback()
    {
        using var host = new BotHostFactory(new() { ["urls"] = "http://0.0.0.0:3978" });

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("loopback only", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Security", "A23")]
    public void Host_RefusesToStart_WhenAnAppIdIsNotAGuid()
    {
        using var host = new BotHostFactory(
            new()
            {
                ["MicrosoftAppId"] = "my-bot",
                ["MicrosoftAppTenantId"] = TestIdentities.SchoolTenantId,
                ["MicrosoftAppPassword"] = "placeholder-for-test",
                ["HealthGuideBot:AllowedTenantIds:0"] = ActivityBuilder.TenantId,
            },
            environment: "Production");

        Assert.ThrowsAny<Exception>(() => host.CreateClient());
    }

    private async Task AssertUnauthorizedAsync(string? token)
    {
        using var host = CreateHost();
        var message = ActivityBuilder.Message("help", serviceUrl: TestIdentities.ServiceUrl);

        using var response = await host.PostActivityAsync(message, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_probe.Seen);
        Assert.Empty(host.Connector.Sent);
    }

    private BotHostFactory CreateHost(string allowedTenant = ActivityBuilder.TenantId) => new(
        new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = TestIdentities.BotAppId,
            ["MicrosoftAppPassword"] = "placeholder-for-test",
            ["MicrosoftAppTenantId"] = TestIdentities.SchoolTenantId,
            ["HealthGuideBot:AllowedTenantIds:0"] = allowedTenant,
        },
        services =>
        {
            services.PostConfigure<BotFrameworkOptions>(_metadata.Configure);
            services.AddSingleton<IBot>(_probe);
        },
        environment: "Production");
}

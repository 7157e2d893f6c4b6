using System.Net;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Tests.Connector;

public sealed class ConnectorServiceCollectionExtensionsTests
{
    private static ServiceCollection Services(Action<BotFrameworkOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.Configure(configure);
        services.AddBotFrameworkConnector();
        return services;
    }

    [Fact]
    public void Registration_ResolvesOneClient_AndTheTokenSourceForTheAppType()
    {
        using ServiceProvider provider = Services(o =>
        {
            o.AppId = "app";
            o.AppPassword = "secret";
            o.AppTenantId = "tenant";
        }).BuildServiceProvider();

        Assert.IsType<ConnectorClient>(provider.GetRequiredService<IConnectorClient>());
        Assert.Same(provider.GetRequiredService<IConnectorClient>(), provider.GetRequiredService<IConnectorClient>());
        Assert.IsType<CachingBotTokenProvider>(provider.GetRequiredService<IBotTokenProvider>());
    }

    [Fact]
    public void UnauthenticatedMode_HasNoTokenProvider_ThatCouldSendAToken()
    {
        using ServiceProvider provider = Services(o => o.DangerouslyAllowUnauthenticatedLoopbackRequests = true).BuildServiceProvider();

        Assert.IsType<UnauthenticatedBotTokenProvider>(provider.GetRequiredService<IBotTokenProvider>());
    }

    [Fact]
    public void ConnectorHandler_NeverFollowsRedirects_AndAllowsManyConnections()
    {
        using ServiceProvider provider = Services(o => o.AppId = "app").BuildServiceProvider();
        var handlers = provider.GetRequiredService<IHttpMessageHandlerFactory>();

        foreach (string name in new[] { ConnectorClient.HttpClientName, ClientCredentialsTokenSource.HttpClientName, ManagedIdentityTokenSource.HttpClientName })
        {
            SocketsHttpHandler primary = PrimaryHandler(handlers.CreateHandler(name));
            Assert.False(primary.AllowAutoRedirect, $"{name} must not follow redirects: a redirect would carry the token off the allow-list.");
        }

        SocketsHttpHandler connector = PrimaryHandler(handlers.CreateHandler(ConnectorClient.HttpClientName));
        Assert.True(connector.MaxConnectionsPerServer >= 64);
        Assert.InRange(connector.PooledConnectionLifetime, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)); // re-resolves DNS
        Assert.False(PrimaryHandler(handlers.CreateHandler(ManagedIdentityTokenSource.HttpClientName)).UseProxy);
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(30, 0)]
    public void InvalidConnectorOptions_FailValidation(int tenantPerSecond, int maxAttempts)
    {
        ServiceCollection services = Services(o => o.AppId = "app");
        services.Configure<ConnectorOptions>(o =>
        {
            o.TenantSendsPerSecond = tenantPerSecond;
            o.MaxAttempts = maxAttempts;
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value);
    }

    [Fact]
    public void DefaultConnectorOptions_AreTheConservativeDocumentedLimits()
    {
        using ServiceProvider provider = Services(o => o.AppId = "app").BuildServiceProvider();

        ConnectorOptions options = provider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
        Assert.Equal(30, options.TenantSendsPerSecond);
        Assert.Equal(40 * 1024, options.MaxActivityBytes);
    }

    [Fact]
    [Trait("Security", "D50")]
    public async Task ManagedIdentityMode_SendsWithATokenFromTheIdentityEndpoint_AndNoSecretConfigured()
    {
        var time = FakeClock.Create();
        var identity = new TokenEndpointFake(time, numbersAsStrings: true);
        var connector = new RecordingHttpMessageHandler(_ => RecordingHttpMessageHandler.Json("""{"id":"1"}"""), time);
        ServiceCollection services = Services(o =>
        {
            o.AppType = BotAppType.UserAssignedMSI;
            o.AppId = "msi-client-id";
            o.AppTenantId = "tenant";
            o.ManagedIdentityEndpoint = new Uri("http://127.0.0.1:5050/metadata/identity/oauth2/token");
        });
        services.AddSingleton<TimeProvider>(time);
        services.AddHttpClient(ManagedIdentityTokenSource.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => identity.Handler);
        services.AddHttpClient(ConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => connector);
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IConnectorClient>().SendToConversationAsync(
            ConnectorHarness.ServiceUrl, "c", ConnectorHarness.Message("x"), CancellationToken.None);

        Assert.Null(provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.AppPassword);
        Assert.Equal("msi-client-id", TokenEndpointFake.Query(Assert.Single(identity.Requests))["client_id"]);
        Assert.Equal("Bearer token-1", Assert.Single(connector.Requests).Authorization);
    }

    private static SocketsHttpHandler PrimaryHandler(HttpMessageHandler handler)
    {
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        return Assert.IsType<SocketsHttpHandler>(handler);
    }
}

using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.BotFramework.Tests.Authentication;

/// <summary>
/// The authenticator as the host builds it (<see cref="AuthenticationServiceCollectionExtensions.AddBotFrameworkAuthentication"/>),
/// pointed at a fresh <see cref="OpenIdMetadataServer"/>, on a <see cref="FakeTimeProvider"/>, logging to a
/// <see cref="FakeLogCollector"/>. One per test: the key cache and the server's counters start empty.
/// </summary>
internal sealed class AuthenticationTestContext : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider provider;

    private AuthenticationTestContext(OpenIdMetadataServer server, ServiceProvider provider, FakeTimeProvider time)
    {
        Server = server;
        this.provider = provider;
        Time = time;
    }

    public OpenIdMetadataServer Server { get; }

    public FakeTimeProvider Time { get; }

    public IBotAuthenticator Authenticator => provider.GetRequiredService<IBotAuthenticator>();

    public FakeLogCollector Logs => provider.GetRequiredService<FakeLogCollector>();

    /// <summary>A production-like configuration: single-tenant bot, school tenant allowed, public cloud.</summary>
    public static async Task<AuthenticationTestContext> CreateAsync(Action<BotFrameworkOptions>? configure = null)
    {
        var server = await OpenIdMetadataServer.StartAsync();
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(Environments.Production));
        services.Configure<BotFrameworkOptions>(options =>
        {
            options.AppId = TestIdentities.BotAppId;
            options.AppPassword = "test-only-secret";
            options.AppTenantId = TestIdentities.SchoolTenantId;
            options.AllowedTenantIds.Add(TestIdentities.SchoolTenantId);
            server.Configure(options);
            configure?.Invoke(options);
        });
        services.AddBotFrameworkAuthentication();
        return new AuthenticationTestContext(server, services.BuildServiceProvider(), time);
    }

    /// <summary>A Teams message activity carrying <paramref name="serviceUrl"/> and <paramref name="channelId"/>.</summary>
    public static Activity Message(string? serviceUrl = TestIdentities.ServiceUrl, string? channelId = TestIdentities.TeamsChannelId) =>
        new() { Type = "message", Id = "activity-1", ServiceUrl = serviceUrl, ChannelId = channelId };

    public ValueTask<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader) =>
        Authenticator.AuthenticateAsync(authorizationHeader, CancellationToken.None);

    public ValueTask<AuthenticationOutcome> AuthenticateAsync(TestTokenBuilder token) =>
        AuthenticateAsync(token.BuildAuthorizationHeader());

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await Server.DisposeAsync();
    }
}

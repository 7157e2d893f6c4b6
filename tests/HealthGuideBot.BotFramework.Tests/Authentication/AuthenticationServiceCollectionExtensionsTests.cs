using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Tests.Authentication;

/// <summary>Which authenticator the container builds, and when it refuses to: security.md §5 A2 and A22.</summary>
public sealed class AuthenticationServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(string environment, Action<BotFrameworkOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(environment));
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.Configure(configure);
        services.AddBotFrameworkAuthentication();
        return services.BuildServiceProvider();
    }

    [Fact]
    [Trait("Security", "A22")]
    public async Task AddBotFrameworkAuthentication_RegistersDevelopmentAuthenticator_WhenAuthenticationIsDisabledInDevelopment()
    {
        await using var provider = Build(Environments.Development, o => o.DangerouslyAllowUnauthenticatedLoopbackRequests = true);

        var authenticator = provider.GetRequiredService<IBotAuthenticator>();
        var outcome = await authenticator.AuthenticateAsync(null, CancellationToken.None);

        Assert.IsType<UnauthenticatedDevelopmentAuthenticator>(authenticator);
        Assert.Same(BotCaller.UnauthenticatedDevelopment, OutcomeAssert.Authenticated(outcome));
    }

    [Fact]
    [Trait("Security", "A22")]
    public async Task AddBotFrameworkAuthentication_RefusesToBuild_WhenAuthenticationIsDisabledInProduction()
    {
        await using var provider = Build(Environments.Production, o => o.DangerouslyAllowUnauthenticatedLoopbackRequests = true);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IBotAuthenticator>());

        Assert.Contains("allowed only in Development", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Security", "A22")]
    public void UnauthenticatedDevelopmentAuthenticator_Throws_WhenBuiltOutsideDevelopment()
    {
        var options = Options.Create(new BotFrameworkOptions { DangerouslyAllowUnauthenticatedLoopbackRequests = true });

        Assert.Throws<InvalidOperationException>(() => new UnauthenticatedDevelopmentAuthenticator(
            options, new TestHostEnvironment(Environments.Production), NullLogger<UnauthenticatedDevelopmentAuthenticator>.Instance));
    }

    [Fact]
    [Trait("Security", "A2")]
    public async Task AddBotFrameworkAuthentication_RegistersTokenAuthenticator_WhenAppIdIsConfigured()
    {
        await using var provider = Build(Environments.Development, o =>
        {
            o.AppId = TestIdentities.BotAppId;
            o.AppPassword = "secret";
            o.AppTenantId = TestIdentities.SchoolTenantId;
            o.AllowedTenantIds.Add(TestIdentities.SchoolTenantId);
        });

        var authenticator = provider.GetRequiredService<IBotAuthenticator>();
        var outcome = await authenticator.AuthenticateAsync(null, CancellationToken.None);

        Assert.IsType<BotFrameworkAuthenticator>(authenticator);
        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.MissingAuthorizationHeader);
    }
}

using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.Testing;
using Microsoft.Extensions.Hosting;

namespace HealthGuideBot.BotFramework.Tests.Authentication;

/// <summary>Start-up refusal of unsafe configuration: security.md §5 A22 and A23.</summary>
public sealed class BotFrameworkOptionsValidatorTests
{
    private static BotFrameworkOptions SingleTenant()
    {
        var options = new BotFrameworkOptions
        {
            AppType = BotAppType.SingleTenant,
            AppId = TestIdentities.BotAppId,
            AppPassword = "secret",
            AppTenantId = TestIdentities.SchoolTenantId,
        };
        options.AllowedTenantIds.Add(TestIdentities.SchoolTenantId);
        return options;
    }

    private static BotFrameworkOptions UnauthenticatedDevelopment()
    {
        return new BotFrameworkOptions { DangerouslyAllowUnauthenticatedLoopbackRequests = true };
    }

    private static string Fails(BotFrameworkOptions options, string environment = "Production")
    {
        var result = new BotFrameworkOptionsValidator(new TestHostEnvironment(environment)).Validate(null, options);
        Assert.True(result.Failed, "Expected the configuration to be refused.");
        return result.FailureMessage;
    }

    private static void Succeeds(BotFrameworkOptions options, string environment = "Production")
    {
        var result = new BotFrameworkOptionsValidator(new TestHostEnvironment(environment)).Validate(null, options);
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    [Trait("Security", "A23")]
    public void Validate_Succeeds_WhenSingleTenantIsComplete()
    {
        Succeeds(SingleTenant());
    }

    [Fact]
    [Trait("Security", "A23")]
    public void Validate_Succeeds_WhenUserAssignedMsiHasTenantAndNoPassword()
    {
        var options = SingleTenant();
        options.AppType = BotAppType.UserAssignedMSI;
        options.AppPassword = null;

        Succeeds(options);
    }

    [Fact]
    [Trait("Security", "A22")]
    public void Validate_Succeeds_WhenUnauthenticatedModeIsUsedInDevelopment()
    {
        Succeeds(UnauthenticatedDevelopment(), Environments.Development);
    }

    [Fact]
    [Trait("Security", "A22")]
    public void Validate_Fails_WhenThereIsNoAppIdAndNoDevelopmentFlag()
    {
        var message = Fails(new BotFrameworkOptions(), Environments.Development);

        Assert.Contains("MicrosoftAppId is not set", message, StringComparison.Ordinal);
        Assert.Contains("appsettings.Development.json", message, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Security", "A22")]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("development-but-not-quite")]
    public void Validate_Fails_WhenUnauthenticatedModeIsUsedOutsideDevelopment(string environment)
    {
        var message = Fails(UnauthenticatedDevelopment(), environment);

        Assert.Contains("allowed only in Development", message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Security", "A22")]
    public void Validate_Fails_WhenUnauthenticatedModeIsCombinedWithAppId()
    {
        var options = SingleTenant();
        options.DangerouslyAllowUnauthenticatedLoopbackRequests = true;

        var message = Fails(options, Environments.Development);

        Assert.Contains("together with MicrosoftAppId", message, StringComparison.Ordinal);
        Assert.False(options.IsAuthenticationDisabled);
    }

    [Fact]
    [Trait("Security", "A22")]
    public void Validate_Fails_WhenInsecureLoopbackServiceUrlsAreAllowedOutsideDevelopment()
    {
        var options = SingleTenant();
        options.AllowInsecureLoopbackServiceUrls = true;

        Assert.Contains("AllowInsecureLoopbackServiceUrls", Fails(options), StringComparison.Ordinal);
        Succeeds(options, Environments.Development);
    }

    [Theory]
    [Trait("Security", "A23")]
    [InlineData("my-bot")]
    [InlineData("https://api.botframework.com")]
    [InlineData("api://0b6c5d0e-3d43-4c34-9a57-6f4c2b1d9a01")]
    public void Validate_Fails_WhenAppIdIsNotAGuid(string appId)
    {
        var options = SingleTenant();
        options.AppId = appId;

        Assert.Contains("MicrosoftAppId must be", Fails(options), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Security", "A23")]
    public void Validate_Fails_WhenSingleTenantLacksPasswordAndTenant()
    {
        var options = SingleTenant();
        options.AppPassword = null;
        options.AppTenantId = null;

        var message = Fails(options);

        Assert.Contains("SingleTenant needs MicrosoftAppPassword", message, StringComparison.Ordinal);
        Assert.Contains("SingleTenant needs MicrosoftAppTenantId", message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Security", "A23")]
    public void Validate_Fails_WhenTenantIdIsADomainName()
    {
        var options = SingleTenant();
        options.AppTenantId = "school.onmicrosoft.com";

        Assert.Contains("MicrosoftAppTenantId must be", Fails(options), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Security", "A23")]
    public void Validate_Fails_WhenUserAssignedMsiHasPasswordAndNoTenant()
    {
        var options = SingleTenant();
        options.AppType = BotAppType.UserAssignedMSI;
        options.AppTenantId = null;

        var message = Fails(options);

        Assert.Contains("UserAssignedMSI must not have MicrosoftAppPassword", message, StringComparison.Ordinal);
        Assert.Contains("UserAssignedMSI needs MicrosoftAppTenantId", message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Security", "A23")]
    public void Validate_Fails_WhenAllowedTenantIdsIsEmptyOrNotGuids()
    {
        var empty = SingleTenant();
        empty.AllowedTenantIds.Clear();
        var notGuid = SingleTenant();
        notGuid.AllowedTenantIds.Add("contoso.com");

        Assert.Contains("AllowedTenantIds is empty", Fails(empty), StringComparison.Ordinal);
        Assert.Contains("AllowedTenantIds entry 'contoso.com' is not a GUID", Fails(notGuid), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Security", "A23")]
    public void Validate_Fails_WhenAllowedCallersHasWildcard()
    {
        var options = SingleTenant();
        options.AllowedCallers.Add("*");

        Assert.Contains("AllowedCallers entry '*' is not a GUID", Fails(options), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Security", "A23")]
    public void Validate_Fails_WhenServiceUrlHostPatternIsTooBroad()
    {
        var options = SingleTenant();
        options.AllowedServiceUrlHosts.Add("*");

        Assert.Contains("AllowedServiceUrlHosts entry '*'", Fails(options), StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Security", "A23")]
    [InlineData(BotCloud.Government, "https://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData(BotCloud.Public, "https://login.botframework.azure.us/v1/.well-known/openidconfiguration")]
    public void Validate_Fails_WhenMetadataOverridePointsAtTheOtherCloud(BotCloud cloud, string metadataUrl)
    {
        var options = SingleTenant();
        options.Cloud = cloud;
        options.BotFrameworkOpenIdMetadataUrl = new Uri(metadataUrl);

        Assert.Contains("belongs to the other cloud", Fails(options), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Security", "A23")]
    public void Validate_Fails_WhenTokenAuthorityIsPlainHttpOffLoopback()
    {
        var options = SingleTenant();
        options.TokenAuthority = new Uri("http://login.example/");

        Assert.Contains("TokenAuthority must use https", Fails(options), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Security", "A23")]
    public void Validate_ReportsEveryProblemInOneMessage_WhenSeveralAreWrong()
    {
        var options = SingleTenant();
        options.AppId = "not-a-guid";
        options.AppPassword = null;
        options.AllowedTenantIds.Clear();

        var message = Fails(options);

        Assert.Contains("MicrosoftAppId must be", message, StringComparison.Ordinal);
        Assert.Contains("needs MicrosoftAppPassword", message, StringComparison.Ordinal);
        Assert.Contains("AllowedTenantIds is empty", message, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Security", "A22")]
    [InlineData("http://127.0.0.1:3978")]
    [InlineData("https://127.0.0.2:3978")]
    [InlineData("http://localhost:3978")]
    [InlineData("http://LOCALHOST:3978")]
    [InlineData("http://[::1]:3978")]
    [InlineData("http://unix:/tmp/bot.sock")]
    public void EnsureLoopbackOnly_Accepts_WhenEveryUrlIsLoopback(string url)
    {
        BotFrameworkOptionsValidator.EnsureLoopbackOnly(["http://127.0.0.1:5000", url]);
    }

    [Theory]
    [Trait("Security", "A22")]
    [InlineData("http://*:3978")]
    [InlineData("http://+:3978")]
    [InlineData("http://0.0.0.0:3978")]
    [InlineData("http://[::]:3978")]
    [InlineData("http://192.168.1.20:3978")]
    [InlineData("http://bot.school.example:3978")]
    [InlineData("http://localhost.attacker.example:3978")]
    public void EnsureLoopbackOnly_Refuses_WhenAnyUrlIsNotLoopback(string url)
    {
        var exception = Assert.Throws<InvalidOperationException>(
            () => BotFrameworkOptionsValidator.EnsureLoopbackOnly(["http://127.0.0.1:5000", url]));

        Assert.Contains(url, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1:5000,", exception.Message, StringComparison.Ordinal);
    }
}

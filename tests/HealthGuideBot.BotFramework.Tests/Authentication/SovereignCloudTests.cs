using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.Testing;

namespace HealthGuideBot.BotFramework.Tests.Authentication;

/// <summary>The Gov cloud switch: security.md §5 A24.</summary>
public sealed class SovereignCloudTests
{
    [Fact]
    [Trait("Security", "A24")]
    public void TrustedIssuers_UsesGovernmentIssuersAndMetadata_WhenCloudIsGovernment()
    {
        var options = new BotFrameworkOptions { AppId = TestIdentities.BotAppId, AppTenantId = TestIdentities.SchoolTenantId, Cloud = BotCloud.Government };

        var issuers = TrustedIssuers.Create(options);

        Assert.Equal(["https://api.botframework.us"], issuers.BotFramework.Issuers);
        Assert.Equal(new Uri("https://login.botframework.azure.us/v1/.well-known/openidconfiguration"), issuers.BotFramework.MetadataUrl);
        Assert.Equal(
            new Uri($"https://login.microsoftonline.us/{TestIdentities.SchoolTenantId}/v2.0/.well-known/openid-configuration"),
            issuers.Entra!.MetadataUrl);
        Assert.Contains($"https://login.microsoftonline.us/{TestIdentities.SchoolTenantId}/v2.0", issuers.Entra.Issuers);
        Assert.DoesNotContain($"https://login.microsoftonline.com/{TestIdentities.SchoolTenantId}/v2.0", issuers.Entra.Issuers);
    }

    [Fact]
    [Trait("Security", "A24")]
    public void TrustedIssuers_UsesPublicIssuersAndMetadata_WhenCloudIsPublic()
    {
        var options = new BotFrameworkOptions { AppId = TestIdentities.BotAppId, AppTenantId = TestIdentities.SchoolTenantId };

        var issuers = TrustedIssuers.Create(options);

        Assert.Equal(["https://api.botframework.com"], issuers.BotFramework.Issuers);
        Assert.Equal(new Uri("https://login.botframework.com/v1/.well-known/openidconfiguration"), issuers.BotFramework.MetadataUrl);
        Assert.Equal(
            [$"https://sts.windows.net/{TestIdentities.SchoolTenantId}/", $"https://login.microsoftonline.com/{TestIdentities.SchoolTenantId}/v2.0"],
            issuers.Entra!.Issuers);
    }

    [Fact]
    [Trait("Security", "A24")]
    public async Task AuthenticateAsync_Accepts_WhenGovernmentChannelTokenArrivesInGovernmentCloud()
    {
        await using var context = await AuthenticationTestContext.CreateAsync(options => options.Cloud = BotCloud.Government);
        var token = TestTokenBuilder.BotFramework(context.Time).WithIssuer("https://api.botframework.us");

        var caller = OutcomeAssert.Authenticated(await context.AuthenticateAsync(token));

        Assert.Equal(BotCallerKind.BotFrameworkChannel, caller.Kind);
    }

    [Fact]
    [Trait("Security", "A24")]
    public async Task AuthenticateAsync_Unauthorized_WhenPublicChannelTokenArrivesInGovernmentCloud()
    {
        await using var context = await AuthenticationTestContext.CreateAsync(options => options.Cloud = BotCloud.Government);

        var outcome = await context.AuthenticateAsync(TestTokenBuilder.BotFramework(context.Time));

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.IssuerNotTrusted);
    }

    [Fact]
    [Trait("Security", "A24")]
    public async Task AuthenticateAsync_Unauthorized_WhenPublicEntraTokenArrivesInGovernmentCloud()
    {
        await using var context = await AuthenticationTestContext.CreateAsync(options => options.Cloud = BotCloud.Government);
        var publicToken = TestTokenBuilder.EntraV2(context.Time);
        var govToken = TestTokenBuilder.EntraV2(context.Time, entraInstance: "https://login.microsoftonline.us")
            .SignedWith(TestSigningKeys.Entra.With(keyId: "entra-gov", issuer: "https://login.microsoftonline.us/{tenantid}/v2.0"));
        context.Server.SetEntraKeys(TestSigningKeys.Entra.With(keyId: "entra-gov", issuer: "https://login.microsoftonline.us/{tenantid}/v2.0"));

        OutcomeAssert.Unauthorized(await context.AuthenticateAsync(publicToken), AuthenticationReasons.IssuerNotTrusted);
        OutcomeAssert.Authenticated(await context.AuthenticateAsync(govToken));
    }
}

using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.Testing;

namespace HealthGuideBot.BotFramework.Tests.Authentication;

/// <summary>Entra-issued tokens: security.md §5 A12–A15, and the Entra side of A1, A18 and A19.</summary>
public sealed class EntraTokenTests
{
    [Theory]
    [Trait("Security", "A1")]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AuthenticateAsync_Accepts_WhenEntraTokenIsForTheBotFromItsTenant(int version)
    {
        await using var context = await AuthenticationTestContext.CreateAsync();
        var token = version == 1 ? TestTokenBuilder.EntraV1(context.Time) : TestTokenBuilder.EntraV2(context.Time);

        var caller = OutcomeAssert.Authenticated(await context.AuthenticateAsync(token));

        Assert.Equal(BotCallerKind.Entra, caller.Kind);
        Assert.Equal(TestIdentities.SchoolTenantId, caller.TenantId);
        Assert.Equal(TestIdentities.BotAppId, caller.AppId);
        Assert.Empty(caller.Endorsements);
    }

    [Fact]
    [Trait("Security", "A14")]
    public async Task AuthenticateAsync_Accepts_WhenEntraCallerIsOnAllowedCallers()
    {
        // The Bot Service's own Entra tokens look like skill tokens (ver, aud = bot, azp = the service): a listed
        // caller is trusted as a channel.
        await using var context = await AuthenticationTestContext.CreateAsync(
            options => options.AllowedCallers.Add(TestIdentities.BotServiceCallerAppId));
        var token = TestTokenBuilder.EntraV2(context.Time, callerAppId: TestIdentities.BotServiceCallerAppId);

        var caller = OutcomeAssert.Authenticated(await context.AuthenticateAsync(token));

        Assert.Equal(TestIdentities.BotServiceCallerAppId, caller.AppId);
    }

    [Theory]
    [Trait("Security", "A12")]
    [InlineData("https://api.botframework.com")] // the bot's own outbound Bot Connector token
    [InlineData("https://graph.microsoft.com")] // the bot's Graph token
    [InlineData("api://" + TestIdentities.BotAppId)]
    [InlineData("api://botid-" + TestIdentities.BotAppId)]
    [InlineData("00000003-0000-0000-c000-000000000000")]
    public async Task AuthenticateAsync_Unauthorized_WhenEntraTokenOfTheBotIsForAnotherAudience(string audience)
    {
        await using var context = await AuthenticationTestContext.CreateAsync();
        var v1 = TestTokenBuilder.EntraV1(context.Time, callerAppId: TestIdentities.BotAppId).WithAudience(audience);
        var v2 = TestTokenBuilder.EntraV2(context.Time, callerAppId: TestIdentities.BotAppId).WithAudience(audience);

        OutcomeAssert.Unauthorized(await context.AuthenticateAsync(v1), AuthenticationReasons.AudienceInvalid);
        OutcomeAssert.Unauthorized(await context.AuthenticateAsync(v2), AuthenticationReasons.AudienceInvalid);
    }

    [Fact]
    [Trait("Security", "A12")]
    public async Task AuthenticateAsync_Unauthorized_WhenBotsOwnOutboundTokenFromBotFrameworkTenantIsReplayed()
    {
        await using var context = await AuthenticationTestContext.CreateAsync();
        var token = TestTokenBuilder.EntraV1(context.Time, tenantId: TestIdentities.BotFrameworkComTenantId)
            .WithAudience("https://api.botframework.com");

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.IssuerNotTrusted);
    }

    [Fact]
    [Trait("Security", "A13")]
    public async Task AuthenticateAsync_Unauthorized_WhenTidDiffersFromIssuerTenant()
    {
        await using var context = await AuthenticationTestContext.CreateAsync();
        var token = TestTokenBuilder.EntraV2(context.Time).WithClaim("tid", TestIdentities.OtherTenantId);

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.TenantMismatch);
    }

    [Fact]
    [Trait("Security", "A13")]
    public async Task AuthenticateAsync_Unauthorized_WhenTidIsMissing()
    {
        await using var context = await AuthenticationTestContext.CreateAsync();
        var token = TestTokenBuilder.EntraV1(context.Time).WithoutClaim("tid");

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.TenantMismatch);
    }

    [Theory]
    [Trait("Security", "A13")]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AuthenticateAsync_Unauthorized_WhenTokenComesFromAnotherTenant(int version)
    {
        await using var context = await AuthenticationTestContext.CreateAsync();
        var token = version == 1
            ? TestTokenBuilder.EntraV1(context.Time, tenantId: TestIdentities.OtherTenantId)
            : TestTokenBuilder.EntraV2(context.Time, tenantId: TestIdentities.OtherTenantId);

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.IssuerNotTrusted);
    }

    [Fact]
    [Trait("Security", "A13")]
    public async Task AuthenticateAsync_Unauthorized_WhenSigningKeyIsIssuedForAnotherTenant()
    {
        await using var context = await AuthenticationTestContext.CreateAsync();
        var foreignKey = TestSigningKeys.Attacker.With(
            keyId: "entra-foreign", issuer: $"https://login.microsoftonline.com/{TestIdentities.OtherTenantId}/v2.0");
        context.Server.SetEntraKeys(TestSigningKeys.Entra, foreignKey);
        var token = TestTokenBuilder.EntraV2(context.Time, key: foreignKey);

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.SigningKeyIssuerMismatch);
    }

    [Theory]
    [Trait("Security", "A14")]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AuthenticateAsync_Forbidden_WhenEntraCallerIsNotOnAllowedCallers(int version)
    {
        await using var context = await AuthenticationTestContext.CreateAsync(
            options => options.AllowedCallers.Add(TestIdentities.BotServiceCallerAppId));
        var token = version == 1
            ? TestTokenBuilder.EntraV1(context.Time, callerAppId: TestIdentities.StrangerAppId)
            : TestTokenBuilder.EntraV2(context.Time, callerAppId: TestIdentities.StrangerAppId);

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Forbidden(outcome, AuthenticationReasons.CallerNotAllowed);
    }

    [Fact]
    [Trait("Security", "A14")]
    public async Task AuthenticateAsync_Forbidden_WhenEntraTokenHasNoCallerAndAllowedCallersIsSet()
    {
        await using var context = await AuthenticationTestContext.CreateAsync(
            options => options.AllowedCallers.Add(TestIdentities.BotServiceCallerAppId));
        var token = TestTokenBuilder.EntraV2(context.Time).WithoutClaim("azp");

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Forbidden(outcome, AuthenticationReasons.CallerNotAllowed);
    }

    [Theory]
    [Trait("Security", "A15")]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AuthenticateAsync_Unauthorized_WhenEntraTokenIsSkillShapedAndNoCallersAreAllowed(int version)
    {
        await using var context = await AuthenticationTestContext.CreateAsync();
        var token = version == 1
            ? TestTokenBuilder.EntraV1(context.Time, callerAppId: TestIdentities.OtherBotAppId)
            : TestTokenBuilder.EntraV2(context.Time, callerAppId: TestIdentities.OtherBotAppId);

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.SkillToken);
    }

    [Fact]
    [Trait("Security", "A18")]
    public async Task AuthorizeActivity_Forbidden_WhenEntraCallerSendsServiceUrlOffTheAllowList()
    {
        await using var context = await AuthenticationTestContext.CreateAsync();
        var caller = OutcomeAssert.Authenticated(await context.AuthenticateAsync(TestTokenBuilder.EntraV2(context.Time)));

        var outcome = context.Authenticator.AuthorizeActivity(
            caller, AuthenticationTestContext.Message("https://attacker.example/emea/"));

        OutcomeAssert.Forbidden(outcome, AuthenticationReasons.ServiceUrlNotAllowed);
    }

    [Fact]
    [Trait("Security", "A18")]
    public async Task AuthorizeActivity_Accepts_WhenEntraCallerSendsAllowListedServiceUrl()
    {
        await using var context = await AuthenticationTestContext.CreateAsync();
        var caller = OutcomeAssert.Authenticated(await context.AuthenticateAsync(TestTokenBuilder.EntraV2(context.Time)));

        var outcome = context.Authenticator.AuthorizeActivity(caller, AuthenticationTestContext.Message());

        OutcomeAssert.Authenticated(outcome);
    }

    [Fact]
    [Trait("Security", "A19")]
    public async Task AuthorizeActivity_Forbidden_WhenEntraCallerSendsNoChannelId()
    {
        await using var context = await AuthenticationTestContext.CreateAsync();
        var caller = OutcomeAssert.Authenticated(await context.AuthenticateAsync(TestTokenBuilder.EntraV2(context.Time)));

        var outcome = context.Authenticator.AuthorizeActivity(caller, AuthenticationTestContext.Message(channelId: null));

        OutcomeAssert.Forbidden(outcome, AuthenticationReasons.ChannelIdMissing);
    }
}

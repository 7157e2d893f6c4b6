using System.Text;
using System.Text.Json.Nodes;
using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.Testing;
using Microsoft.IdentityModel.Tokens;

namespace HealthGuideBot.BotFramework.Tests.Authentication;

/// <summary>Bot Framework channel tokens: security.md §5 A1–A11, A15–A17, A19.</summary>
public sealed class BotFrameworkTokenTests : IAsyncLifetime
{
    private AuthenticationTestContext context = null!; // Set in InitializeAsync, before any test runs.

    public async Task InitializeAsync() => context = await AuthenticationTestContext.CreateAsync();

    public async Task DisposeAsync() => await context.DisposeAsync();

    private TestTokenBuilder ValidToken() => TestTokenBuilder.BotFramework(context.Time);

    [Fact]
    [Trait("Security", "A1")]
    public async Task AuthenticateAsync_AcceptsAndAuthorizes_WhenBotFrameworkTokenIsValid()
    {
        var outcome = await context.AuthenticateAsync(ValidToken());

        var caller = OutcomeAssert.Authenticated(outcome);
        Assert.Equal(BotCallerKind.BotFrameworkChannel, caller.Kind);
        Assert.Equal(TestIdentities.ServiceUrl, caller.ServiceUrlClaim);
        Assert.Contains("msteams", caller.Endorsements);
        OutcomeAssert.Authenticated(context.Authenticator.AuthorizeActivity(caller, AuthenticationTestContext.Message()));
    }

    [Theory]
    [Trait("Security", "A1")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task AuthenticateAsync_Accepts_WhenSignedWithOtherAllowedRsaAlgorithm(string algorithm)
    {
        var outcome = await context.AuthenticateAsync(ValidToken().WithAlgorithm(algorithm));

        OutcomeAssert.Authenticated(outcome);
    }

    [Theory]
    [Trait("Security", "A2")]
    [InlineData(null)]
    [InlineData("")]
    public async Task AuthenticateAsync_Unauthorized_WhenAuthorizationHeaderIsMissing(string? header)
    {
        var outcome = await context.AuthenticateAsync(header);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.MissingAuthorizationHeader);
    }

    [Theory]
    [Trait("Security", "A3")]
    [InlineData("bearer {0}")]
    [InlineData("BEARER {0}")]
    [InlineData("Basic {0}")]
    [InlineData("{0}")]
    [InlineData("Bearer  {0}")]
    [InlineData("Bearer {0} extra")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    public async Task AuthenticateAsync_Unauthorized_WhenSchemeIsNotExactlyBearerWithTwoParts(string format)
    {
        var header = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, ValidToken().Build());

        var outcome = await context.AuthenticateAsync(header);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.InvalidAuthorizationScheme);
    }

    [Theory]
    [Trait("Security", "A4")]
    [InlineData("not-a-jwt")]
    [InlineData("only.two")]
    [InlineData("a.b.c.d")]
    [InlineData("!!!.###.$$$")]
    [InlineData("e30.bm90IGpzb24.c2ln")] // {} . "not json" . sig
    [InlineData("bm90IGpzb24.e30.c2ln")] // "not json" . {} . sig
    [InlineData("W10.W10.c2ln")] // [] . [] . sig: JSON, but not objects
    public async Task AuthenticateAsync_Unauthorized_WhenTokenIsMalformed(string token)
    {
        var outcome = await context.AuthenticateAsync($"Bearer {token}");

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.TokenMalformed);
    }

    [Fact]
    [Trait("Security", "A5")]
    public async Task AuthenticateAsync_Unauthorized_WhenSignedByKeyNotInJwksUnderTrustedKeyId()
    {
        var forged = ValidToken().SignedWith(TestSigningKeys.Attacker).WithKeyId(TestSigningKeys.BotFrameworkTeams.KeyId);

        var outcome = await context.AuthenticateAsync(forged);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.SignatureInvalid);
    }

    [Fact]
    [Trait("Security", "A5")]
    public async Task AuthenticateAsync_Unauthorized_WhenSignedByKeyNotInJwksUnderItsOwnKeyId()
    {
        var forged = ValidToken().SignedWith(TestSigningKeys.Attacker);

        var outcome = await context.AuthenticateAsync(forged);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.UnknownSigningKey);
    }

    [Fact]
    [Trait("Security", "A5")]
    public async Task AuthenticateAsync_Unauthorized_WhenPayloadIsAlteredAfterSigning()
    {
        var parts = ValidToken().Build().Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["aud"] = TestIdentities.BotAppId;
        payload["serviceurl"] = "https://attacker.example/";
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";

        var outcome = await context.AuthenticateAsync($"Bearer {tampered}");

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.SignatureInvalid);
    }

    [Fact]
    [Trait("Security", "A6")]
    public async Task AuthenticateAsync_Unauthorized_WhenAlgIsNone()
    {
        var outcome = await context.AuthenticateAsync(ValidToken().WithoutSignature());

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.AlgorithmNotAllowed);
    }

    [Fact]
    [Trait("Security", "A6")]
    public async Task AuthenticateAsync_Unauthorized_WhenHs256IsKeyedWithThePublicKey()
    {
        var forged = ValidToken().SignedWithHmacUsingPublicKey(TestSigningKeys.BotFrameworkTeams);

        var outcome = await context.AuthenticateAsync(forged);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.AlgorithmNotAllowed);
    }

    [Theory]
    [Trait("Security", "A6")]
    [InlineData("PS256")]
    [InlineData("PS512")]
    public async Task AuthenticateAsync_Unauthorized_WhenSignedWithRsaPssByTrustedKey(string algorithm)
    {
        var outcome = await context.AuthenticateAsync(ValidToken().WithAlgorithm(algorithm));

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.AlgorithmNotAllowed);
    }

    [Fact]
    [Trait("Security", "A6")]
    public async Task AuthenticateAsync_Unauthorized_WhenAlgIsEs256()
    {
        var outcome = await context.AuthenticateAsync(ValidToken().SignedWithEcdsa());

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.AlgorithmNotAllowed);
    }

    [Theory]
    [Trait("Security", "A7")]
    [InlineData("jku")]
    [InlineData("x5u")]
    public async Task AuthenticateAsync_IgnoresKeyUrlHeader_WhenItPointsAtAttackerKeys(string headerName)
    {
        var forged = ValidToken()
            .SignedWith(TestSigningKeys.Attacker)
            .WithHeader(headerName, context.Server.AttackerKeysUrl.AbsoluteUri);

        var outcome = await context.AuthenticateAsync(forged);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.UnknownSigningKey);
        Assert.Equal(0, context.Server.RequestCount(OpenIdMetadataServer.AttackerKeysPath));
    }

    [Theory]
    [Trait("Security", "A7")]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AuthenticateAsync_IgnoresEmbeddedJwk_WhenItCarriesAttackerKey(bool reuseTrustedKeyId)
    {
        var forged = ValidToken()
            .SignedWith(TestSigningKeys.Attacker)
            .WithHeader("jwk", TestSigningKeys.Attacker.ToJwk());
        if (reuseTrustedKeyId)
        {
            forged.WithKeyId(TestSigningKeys.BotFrameworkTeams.KeyId);
        }

        var outcome = await context.AuthenticateAsync(forged);

        OutcomeAssert.Unauthorized(
            outcome, reuseTrustedKeyId ? AuthenticationReasons.SignatureInvalid : AuthenticationReasons.UnknownSigningKey);
    }

    [Fact]
    [Trait("Security", "A8")]
    public async Task AuthenticateAsync_Unauthorized_WhenExpiredBeyondSkew()
    {
        var token = ValidToken().NotBefore(context.Time.GetUtcNow().AddHours(-1)).ExpiresAt(context.Time.GetUtcNow().AddMinutes(-6));

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.TokenExpired);
    }

    [Fact]
    [Trait("Security", "A8")]
    public async Task AuthenticateAsync_Accepts_WhenExpiredWithinSkew()
    {
        var token = ValidToken().NotBefore(context.Time.GetUtcNow().AddHours(-1)).ExpiresAt(context.Time.GetUtcNow().AddMinutes(-4));

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Authenticated(outcome);
    }

    [Fact]
    [Trait("Security", "A8")]
    public async Task AuthenticateAsync_Unauthorized_WhenNotBeforeIsBeyondSkew()
    {
        var token = ValidToken().NotBefore(context.Time.GetUtcNow().AddMinutes(6));

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.TokenNotYetValid);
    }

    [Fact]
    [Trait("Security", "A8")]
    public async Task AuthenticateAsync_Accepts_WhenNotBeforeIsWithinSkew()
    {
        var token = ValidToken().NotBefore(context.Time.GetUtcNow().AddMinutes(4));

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Authenticated(outcome);
    }

    [Fact]
    [Trait("Security", "A8")]
    public async Task AuthenticateAsync_Unauthorized_WhenExpIsMissing()
    {
        var outcome = await context.AuthenticateAsync(ValidToken().WithoutClaim("exp"));

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.TokenMissingExpiry);
    }

    [Fact]
    [Trait("Security", "A8")]
    public async Task AuthenticateAsync_Unauthorized_WhenInjectedClockPassesExpiry()
    {
        var header = ValidToken().BuildAuthorizationHeader(); // Valid for an hour from Start.
        OutcomeAssert.Authenticated(await context.AuthenticateAsync(header));

        context.Time.Advance(TimeSpan.FromMinutes(66));

        OutcomeAssert.Unauthorized(await context.AuthenticateAsync(header), AuthenticationReasons.TokenExpired);
    }

    [Theory]
    [Trait("Security", "A9")]
    [InlineData("https://api.botframework.us")] // Gov issuer in the public cloud
    [InlineData("https://api.botframework.com/")]
    [InlineData("HTTPS://API.BOTFRAMEWORK.COM")]
    [InlineData("https://sts.windows.net/" + TestIdentities.OtherTenantId + "/")]
    [InlineData("https://login.microsoftonline.com/" + TestIdentities.OtherTenantId + "/v2.0")]
    [InlineData("https://sts.windows.net/" + TestIdentities.BotFrameworkComTenantId + "/")] // fixed MS tenant: not accepted
    [InlineData("https://login.microsoftonline.com/" + TestIdentities.BotFrameworkComTenantId + "/v2.0")]
    public async Task AuthenticateAsync_Unauthorized_WhenIssuerIsNotTrusted(string issuer)
    {
        var outcome = await context.AuthenticateAsync(ValidToken().WithIssuer(issuer));

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.IssuerNotTrusted);
        Assert.Equal(0, context.Server.RequestCount(OpenIdMetadataServer.BotFrameworkMetadataPath)
            + context.Server.RequestCount(OpenIdMetadataServer.EntraMetadataPath));
    }

    [Fact]
    [Trait("Security", "A9")]
    public async Task AuthenticateAsync_Unauthorized_WhenIssuerIsMissing()
    {
        var outcome = await context.AuthenticateAsync(ValidToken().WithoutClaim("iss"));

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.IssuerNotTrusted);
    }

    [Theory]
    [Trait("Security", "A10")]
    [InlineData(TestIdentities.OtherBotAppId)]
    [InlineData("https://api.botframework.com")]
    [InlineData("api://" + TestIdentities.BotAppId)]
    public async Task AuthenticateAsync_Unauthorized_WhenAudienceIsNotTheBot(string audience)
    {
        var outcome = await context.AuthenticateAsync(ValidToken().WithAudience(audience));

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.AudienceInvalid);
    }

    [Fact]
    [Trait("Security", "A11")]
    public async Task AuthenticateAsync_Unauthorized_WhenAudienceIsEmpty()
    {
        var outcome = await context.AuthenticateAsync(ValidToken().WithAudience(string.Empty));

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.AudienceInvalid);
    }

    [Fact]
    [Trait("Security", "A11")]
    public async Task AuthenticateAsync_Unauthorized_WhenAudienceIsMissing()
    {
        var outcome = await context.AuthenticateAsync(ValidToken().WithoutClaim("aud"));

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.AudienceInvalid);
    }

    [Fact]
    [Trait("Security", "A11")]
    public async Task AuthenticateAsync_Unauthorized_WhenBotAudienceIsIssuedByEntraButSignedWithChannelKey()
    {
        // aud = the bot, but under the Entra issuer: keys come from the Entra JWKS only, where this key is not.
        var token = TestTokenBuilder.EntraV2(context.Time, key: TestSigningKeys.BotFrameworkTeams);

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.UnknownSigningKey);
    }

    [Fact]
    [Trait("Security", "A11")]
    public async Task AuthenticateAsync_Unauthorized_WhenBotAudienceIsIssuedByBotFrameworkButSignedWithEntraKey()
    {
        var token = ValidToken().SignedWith(TestSigningKeys.Entra);

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.UnknownSigningKey);
    }

    [Fact]
    [Trait("Security", "A15")]
    public async Task AuthenticateAsync_Unauthorized_WhenChannelTokenIsSkillShaped()
    {
        var token = ValidToken().WithClaim("ver", "2.0").WithClaim("azp", TestIdentities.OtherBotAppId);

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.SkillToken);
    }

    [Fact]
    [Trait("Security", "A15")]
    public async Task AuthenticateAsync_Unauthorized_WhenAppIdIsAnonymousSkill()
    {
        var outcome = await context.AuthenticateAsync(ValidToken().WithClaim("appid", "AnonymousSkill"));

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.SkillToken);
    }

    [Theory]
    [Trait("Security", "A16")]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AuthenticateAsync_Unauthorized_WhenServiceUrlClaimIsMissingOrEmpty(bool empty)
    {
        var token = empty ? ValidToken().WithClaim("serviceurl", string.Empty) : ValidToken().WithoutClaim("serviceurl");

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.MissingServiceUrlClaim);
    }

    [Theory]
    [Trait("Security", "A17")]
    [InlineData("https://attacker.example/emea/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/emea/x/")]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net:8443/emea/")]
    [InlineData("https://smba.trafficmanager.net/EMEA/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/emea/")]
    [InlineData(null)]
    [InlineData("")]
    public async Task AuthorizeActivity_Unauthorized_WhenServiceUrlDiffersFromClaim(string? activityServiceUrl)
    {
        var caller = OutcomeAssert.Authenticated(await context.AuthenticateAsync(ValidToken()));

        var outcome = context.Authenticator.AuthorizeActivity(caller, AuthenticationTestContext.Message(activityServiceUrl));

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.ServiceUrlMismatch);
    }

    [Theory]
    [Trait("Security", "A17")]
    [InlineData("https://SMBA.TrafficManager.NET/emea/")] // host case normalised
    [InlineData("HTTPS://smba.trafficmanager.net/emea/")] // scheme case normalised
    [InlineData("https://smba.trafficmanager.net/emea")] // one trailing slash tolerated (documented decision)
    public async Task AuthorizeActivity_Accepts_WhenServiceUrlDiffersOnlyInSchemeHostCaseOrTrailingSlash(string activityServiceUrl)
    {
        var caller = OutcomeAssert.Authenticated(await context.AuthenticateAsync(ValidToken()));

        var outcome = context.Authenticator.AuthorizeActivity(caller, AuthenticationTestContext.Message(activityServiceUrl));

        OutcomeAssert.Authenticated(outcome);
    }

    [Fact]
    [Trait("Security", "A19")]
    public async Task AuthorizeActivity_Forbidden_WhenKeyIsEndorsedForWebChatOnly()
    {
        var token = ValidToken().SignedWith(TestSigningKeys.BotFrameworkWebChatOnly);
        var caller = OutcomeAssert.Authenticated(await context.AuthenticateAsync(token));

        var outcome = context.Authenticator.AuthorizeActivity(caller, AuthenticationTestContext.Message());

        OutcomeAssert.Forbidden(outcome, AuthenticationReasons.ChannelNotEndorsed);
    }

    [Theory]
    [Trait("Security", "A19")]
    [InlineData(null)]
    [InlineData("")]
    public async Task AuthorizeActivity_Forbidden_WhenChannelIdIsMissing(string? channelId)
    {
        var caller = OutcomeAssert.Authenticated(await context.AuthenticateAsync(ValidToken()));

        var outcome = context.Authenticator.AuthorizeActivity(caller, AuthenticationTestContext.Message(channelId: channelId));

        OutcomeAssert.Forbidden(outcome, AuthenticationReasons.ChannelIdMissing);
    }

    [Fact]
    [Trait("Security", "A19")]
    public async Task AuthorizeActivity_Forbidden_WhenActivityClaimsAChannelTheKeyIsNotEndorsedFor()
    {
        var caller = OutcomeAssert.Authenticated(await context.AuthenticateAsync(ValidToken()));

        var outcome = context.Authenticator.AuthorizeActivity(caller, AuthenticationTestContext.Message(channelId: "webchat"));

        OutcomeAssert.Forbidden(outcome, AuthenticationReasons.ChannelNotEndorsed);
    }

    [Fact]
    [Trait("Security", "A4")]
    public async Task AuthenticateAsync_Unauthorized_WhenTokenIsOversized()
    {
        var token = ValidToken().WithClaim("padding", new string('a', 20_000));

        var outcome = await context.AuthenticateAsync(token);

        OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.TokenTooLarge);
    }

    [Fact]
    [Trait("Security", "A4")]
    public async Task AuthenticateAsync_Unauthorized_WhenSignatureIsNotBase64Url()
    {
        var parts = ValidToken().Build().Split('.');
        var broken = $"{parts[0]}.{parts[1]}.{Convert.ToBase64String(Encoding.ASCII.GetBytes("+/=+/="))}";

        var outcome = await context.AuthenticateAsync($"Bearer {broken}");

        Assert.Equal(AuthenticationStatus.Unauthorized, outcome.Status);
    }
}

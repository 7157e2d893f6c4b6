using System.Text.Json;
using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.Testing;

namespace HealthGuideBot.BotFramework.Tests.Authentication;

/// <summary>Key caching, rollover and outages: security.md §5 A20 and A21.</summary>
public sealed class OpenIdKeyCacheTests : IAsyncLifetime
{
    private const string Keys = OpenIdMetadataServer.BotFrameworkKeysPath;
    private const string Metadata = OpenIdMetadataServer.BotFrameworkMetadataPath;

    private AuthenticationTestContext context = null!; // Set in InitializeAsync, before any test runs.

    public async Task InitializeAsync() => context = await AuthenticationTestContext.CreateAsync();

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    [Trait("Security", "A20")]
    public async Task AuthenticateAsync_AcceptsRotatedKey_AfterOneRefreshOnUnknownKeyId()
    {
        OutcomeAssert.Authenticated(await context.AuthenticateAsync(TestTokenBuilder.BotFramework(context.Time)));
        context.Server.SetBotFrameworkKeys(TestSigningKeys.BotFrameworkTeams, TestSigningKeys.BotFrameworkRotated);

        var outcome = await context.AuthenticateAsync(
            TestTokenBuilder.BotFramework(context.Time).SignedWith(TestSigningKeys.BotFrameworkRotated));

        OutcomeAssert.Authenticated(outcome);
        Assert.Equal(2, context.Server.RequestCount(Keys));
    }

    [Fact]
    [Trait("Security", "A20")]
    public async Task AuthenticateAsync_RefreshesAtMostOncePerFiveMinutes_WhenFloodedWithUnknownKeyIds()
    {
        OutcomeAssert.Authenticated(await context.AuthenticateAsync(TestTokenBuilder.BotFramework(context.Time)));

        for (var i = 0; i < 50; i++)
        {
            var forged = TestTokenBuilder.BotFramework(context.Time).SignedWith(TestSigningKeys.Attacker).WithKeyId($"forged-{i}");
            OutcomeAssert.Unauthorized(await context.AuthenticateAsync(forged), AuthenticationReasons.UnknownSigningKey);
            context.Time.Advance(TimeSpan.FromSeconds(5)); // 50 × 5 s = 4 min 10 s: inside one window.
        }

        Assert.Equal(2, context.Server.RequestCount(Keys)); // the initial load and ONE refresh

        context.Time.Advance(TimeSpan.FromMinutes(1));
        var late = TestTokenBuilder.BotFramework(context.Time).SignedWith(TestSigningKeys.Attacker).WithKeyId("forged-late");
        OutcomeAssert.Unauthorized(await context.AuthenticateAsync(late), AuthenticationReasons.UnknownSigningKey);

        Assert.Equal(3, context.Server.RequestCount(Keys)); // a new window allows one more
    }

    [Fact]
    [Trait("Security", "A20")]
    public async Task AuthenticateAsync_FetchesOnce_WhenManyRequestsArriveConcurrentlyOnColdCache()
    {
        var header = TestTokenBuilder.BotFramework(context.Time).BuildAuthorizationHeader();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => context.AuthenticateAsync(header).AsTask()));

        Assert.All(outcomes, outcome => OutcomeAssert.Authenticated(outcome));
        Assert.Equal(1, context.Server.RequestCount(Metadata));
        Assert.Equal(1, context.Server.RequestCount(Keys));
    }

    [Fact]
    [Trait("Security", "A20")]
    public async Task AuthenticateAsync_RefreshesAtMostOnce_WhenUnknownKeyIdsArriveConcurrently()
    {
        OutcomeAssert.Authenticated(await context.AuthenticateAsync(TestTokenBuilder.BotFramework(context.Time)));

        var forged = Enumerable.Range(0, 20).Select(i =>
            TestTokenBuilder.BotFramework(context.Time).SignedWith(TestSigningKeys.Attacker).WithKeyId($"forged-{i}").BuildAuthorizationHeader());
        var outcomes = await Task.WhenAll(forged.Select(header => context.AuthenticateAsync(header).AsTask()));

        Assert.All(outcomes, outcome => OutcomeAssert.Unauthorized(outcome, AuthenticationReasons.UnknownSigningKey));
        Assert.Equal(2, context.Server.RequestCount(Keys));
    }

    [Fact]
    [Trait("Security", "A20")]
    public async Task AuthenticateAsync_RefreshesKeys_OnlyAfterTwentyFourHours()
    {
        var token = () => TestTokenBuilder.BotFramework(context.Time).BuildAuthorizationHeader();
        OutcomeAssert.Authenticated(await context.AuthenticateAsync(token()));

        context.Time.Advance(TimeSpan.FromHours(23));
        OutcomeAssert.Authenticated(await context.AuthenticateAsync(token()));
        Assert.Equal(1, context.Server.RequestCount(Keys));

        context.Time.Advance(TimeSpan.FromHours(1));
        OutcomeAssert.Authenticated(await context.AuthenticateAsync(token()));
        Assert.Equal(2, context.Server.RequestCount(Keys));
    }

    [Fact]
    [Trait("Security", "A21")]
    public async Task AuthenticateAsync_KeepsUsingCachedKeys_WhenMetadataEndpointIsDownAtRefresh()
    {
        OutcomeAssert.Authenticated(await context.AuthenticateAsync(TestTokenBuilder.BotFramework(context.Time)));
        context.Server.IsDown = true;
        context.Time.Advance(TimeSpan.FromHours(25));

        var outcome = await context.AuthenticateAsync(TestTokenBuilder.BotFramework(context.Time));

        OutcomeAssert.Authenticated(outcome);
        Assert.Equal(2, context.Server.RequestCount(Metadata)); // the refresh was tried, and failed
    }

    [Fact]
    [Trait("Security", "A21")]
    public async Task AuthenticateAsync_Unavailable_WhenMetadataEndpointIsDownAndNothingIsCached()
    {
        context.Server.IsDown = true;

        var outcome = await context.AuthenticateAsync(TestTokenBuilder.BotFramework(context.Time));

        OutcomeAssert.Unavailable(outcome, AuthenticationReasons.SigningKeysUnavailable);
    }

    [Fact]
    [Trait("Security", "A21")]
    public async Task AuthenticateAsync_RetriesFailedFetchAfterBackOff_WhenMetadataEndpointRecovers()
    {
        context.Server.IsDown = true;
        OutcomeAssert.Unavailable(
            await context.AuthenticateAsync(TestTokenBuilder.BotFramework(context.Time)), AuthenticationReasons.SigningKeysUnavailable);
        context.Server.IsDown = false;

        OutcomeAssert.Unavailable(
            await context.AuthenticateAsync(TestTokenBuilder.BotFramework(context.Time)), AuthenticationReasons.SigningKeysUnavailable);
        Assert.Equal(1, context.Server.RequestCount(Metadata)); // backing off: no second fetch yet

        context.Time.Advance(OpenIdKeyCache.FailedRefreshRetryInterval);
        OutcomeAssert.Authenticated(await context.AuthenticateAsync(TestTokenBuilder.BotFramework(context.Time)));
    }

    [Fact]
    [Trait("Security", "A21")]
    public async Task AuthenticateAsync_KeepsCachedKeys_WhenRefreshedJwksIsEmpty()
    {
        OutcomeAssert.Authenticated(await context.AuthenticateAsync(TestTokenBuilder.BotFramework(context.Time)));
        context.Server.SetBotFrameworkKeys();
        context.Time.Advance(TimeSpan.FromHours(24));

        var outcome = await context.AuthenticateAsync(TestTokenBuilder.BotFramework(context.Time));

        OutcomeAssert.Authenticated(outcome);
        Assert.Equal(2, context.Server.RequestCount(Keys));
    }

    [Fact]
    [Trait("Security", "A19")]
    public void ParseKeys_KeepsEndorsementsAndSkipsNonSignatureKeys()
    {
        var teams = TestSigningKeys.BotFrameworkTeams.ToJwk();
        var encryption = TestSigningKeys.Attacker.With(keyId: "enc").ToJwk();
        encryption["use"] = "enc";
        var json = $$"""
            { "keys": [ {{teams.ToJsonString()}}, {{encryption.ToJsonString()}},
                        { "kty": "EC", "kid": "ec-1", "crv": "P-256", "x": "AA", "y": "AA" },
                        { "kty": "RSA", "n": "AQAB", "e": "AQAB" } ] }
            """;
        using var document = JsonDocument.Parse(json);

        var keys = OpenIdKeyCache.ParseKeys(document.RootElement);

        var key = Assert.Single(keys).Value;
        Assert.Equal(TestSigningKeys.BotFrameworkTeams.KeyId, key.KeyId);
        Assert.Equal(["msteams"], key.Endorsements);
    }
}

using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace HealthGuideBot.BotFramework.Tests.Authentication;

/// <summary>Auth failures are logged once each, with reason, issuer and audience, and never the token: security.md §5 A25.</summary>
public sealed class AuthenticationLoggingTests
{
    private const string PupilCanary = "Canary McPupil-7f3a";

    [Fact]
    [Trait("Security", "A25")]
    public async Task AuthenticateAsync_LogsOneEntryPerFailureWithoutTokenOrClaims_WhenTokensAreRejected()
    {
        await using var context = await AuthenticationTestContext.CreateAsync();
        var now = context.Time.GetUtcNow();
        TestTokenBuilder Canary() => TestTokenBuilder.BotFramework(context.Time).WithClaim("name", PupilCanary);
        var tokens = new[]
        {
            (Canary().WithAudience(TestIdentities.OtherBotAppId).Build(), AuthenticationReasons.AudienceInvalid),
            (Canary().NotBefore(now.AddHours(-2)).ExpiresAt(now.AddHours(-1)).Build(), AuthenticationReasons.TokenExpired),
            (Canary().SignedWith(TestSigningKeys.Attacker).WithKeyId(TestSigningKeys.BotFrameworkTeams.KeyId).Build(), AuthenticationReasons.SignatureInvalid),
            (Canary().WithoutSignature().Build(), AuthenticationReasons.AlgorithmNotAllowed),
            (Canary().WithIssuer("https://issuer.attacker.example").Build(), AuthenticationReasons.IssuerNotTrusted),
            (Canary().WithoutClaim("serviceurl").Build(), AuthenticationReasons.MissingServiceUrlClaim),
        };

        foreach (var (token, reason) in tokens)
        {
            context.Logs.Clear();

            var outcome = await context.AuthenticateAsync($"Bearer {token}");

            Assert.Equal(reason, outcome.Reason);
            var failure = Assert.Single(context.Logs.GetSnapshot(), record => record.Id.Id == 1100);
            Assert.Equal(LogLevel.Warning, failure.Level);
            Assert.Equal(reason, failure.GetStructuredStateValue("Reason"));
            Assert.False(string.IsNullOrEmpty(failure.GetStructuredStateValue("Issuer")));
            Assert.False(string.IsNullOrEmpty(failure.GetStructuredStateValue("Audience")));
            AssertNothingSecretLogged(context.Logs, token);
        }
    }

    [Fact]
    [Trait("Security", "A25")]
    public async Task AuthorizeActivity_LogsReasonWithoutServiceUrlClaim_WhenServiceUrlMismatches()
    {
        await using var context = await AuthenticationTestContext.CreateAsync();
        var token = TestTokenBuilder.BotFramework(context.Time).WithClaim("name", PupilCanary).Build();
        var caller = OutcomeAssert.Authenticated(await context.AuthenticateAsync($"Bearer {token}"));
        context.Logs.Clear();

        context.Authenticator.AuthorizeActivity(caller, AuthenticationTestContext.Message("https://attacker.example/"));

        var failure = Assert.Single(context.Logs.GetSnapshot(), record => record.Id.Id == 1101);
        Assert.Equal(AuthenticationReasons.ServiceUrlMismatch, failure.GetStructuredStateValue("Reason"));
        AssertNothingSecretLogged(context.Logs, token);
    }

    private static void AssertNothingSecretLogged(FakeLogCollector logs, string token)
    {
        var segments = token.Split('.').Where(static segment => segment.Length >= 8).ToArray();
        foreach (var record in logs.GetSnapshot())
        {
            var texts = new List<string?> { record.Message, record.Exception?.ToString() };
            texts.AddRange(record.StructuredState?.Select(static pair => pair.Value) ?? []);
            foreach (var text in texts.OfType<string>())
            {
                Assert.DoesNotContain(PupilCanary, text, StringComparison.Ordinal);
                Assert.DoesNotContain(TestIdentities.ServiceUrl, text, StringComparison.Ordinal);
                Assert.All(segments, segment => Assert.DoesNotContain(segment, text, StringComparison.Ordinal));
            }
        }
    }
}

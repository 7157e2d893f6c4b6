using HealthGuideBot.BotFramework.Authentication;

namespace HealthGuideBot.BotFramework.Tests.Authentication;

/// <summary>Asserts status AND reason, so a test cannot pass because the request failed for some other cause.</summary>
internal static class OutcomeAssert
{
    public static BotCaller Authenticated(AuthenticationOutcome outcome)
    {
        Assert.True(
            outcome.Status == AuthenticationStatus.Authenticated,
            $"Expected Authenticated but got {outcome.Status} ({outcome.Reason}).");
        Assert.NotNull(outcome.Caller);
        return outcome.Caller;
    }

    public static void Unauthorized(AuthenticationOutcome outcome, string reason) =>
        Is(outcome, AuthenticationStatus.Unauthorized, reason);

    public static void Forbidden(AuthenticationOutcome outcome, string reason) =>
        Is(outcome, AuthenticationStatus.Forbidden, reason);

    public static void Unavailable(AuthenticationOutcome outcome, string reason) =>
        Is(outcome, AuthenticationStatus.Unavailable, reason);

    private static void Is(AuthenticationOutcome outcome, AuthenticationStatus status, string reason)
    {
        Assert.True(
            outcome.Status == status && outcome.Reason == reason,
            $"Expected {status} ({reason}) but got {outcome.Status} ({outcome.Reason}).");
        Assert.Null(outcome.Caller);
    }
}

using System.Globalization;

namespace HealthGuideBot.Testing;

/// <summary>A programmed answer of <see cref="FakeConnectorServer"/>, for failures; successes are answered by default.</summary>
public sealed record FakeConnectorResponse(int StatusCode, string? Body = null, string? RetryAfter = null)
{
    public static FakeConnectorResponse Error(int statusCode, string code, string message = "fake") =>
        new(statusCode, $$$"""{"error":{"code":"{{{code}}}","message":"{{{message}}}"}}""");

    public static FakeConnectorResponse BotNotInConversationRoster() => Error(403, "BotNotInConversationRoster");

    public static FakeConnectorResponse MessageWritesBlocked() => Error(403, "MessageWritesBlocked");

    public static FakeConnectorResponse TooManyRequests(TimeSpan? retryAfter = null) =>
        new(429, """{"error":{"code":"Throttled","message":"fake"}}""", retryAfter is TimeSpan wait
            ? ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
            : null);
}

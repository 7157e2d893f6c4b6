using System.Net;
using System.Text.Json;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>Turns an identity endpoint's HTTP answer into a <see cref="BotToken"/> or a classified <see cref="BotTokenException"/>.</summary>
internal static class TokenEndpointReader
{
    private const int MaxErrorCodeLength = 64;

    /// <param name="endpointName">Which endpoint, for the exception message (no URL, no secret).</param>
    /// <param name="settingsHint">Which settings to check when the endpoint refuses the request.</param>
    /// <param name="isTransientStatus">Extra statuses that mean "try again later" for this endpoint.</param>
    public static async Task<BotToken> ReadAsync(
        HttpResponseMessage response,
        TimeProvider time,
        string endpointName,
        string settingsHint,
        Func<HttpStatusCode, bool> isTransientStatus,
        CancellationToken cancellationToken)
    {
        TokenEndpointResponse? body = null;
        try
        {
            await using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            body = await JsonSerializer.DeserializeAsync(stream, TokenJsonContext.Default.TokenEndpointResponse, cancellationToken);
        }
        catch (JsonException)
        {
            // An HTML error page or an empty body: classified by status below.
        }

        int status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode && !string.IsNullOrEmpty(body?.AccessToken))
        {
            return new BotToken(body.AccessToken, ExpiresOn(body, time));
        }

        string? errorCode = Sanitize(body?.Error);
        bool transient = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
            || status >= 500
            || string.Equals(errorCode, "temporarily_unavailable", StringComparison.Ordinal)
            || isTransientStatus(response.StatusCode);
        string described = errorCode is null ? $"HTTP {status}" : $"HTTP {status}, {errorCode}";
        if (response.IsSuccessStatusCode)
        {
            throw new BotTokenException($"The {endpointName} answered without an access token ({described}).", isTransient: true, errorCode);
        }

        if (transient)
        {
            throw new BotTokenException(
                $"The {endpointName} was throttled or unavailable ({described}); nothing was sent, try again later.",
                isTransient: true,
                errorCode)
            {
                RetryAfter = RetryAfter.From(response, time),
            };
        }

        throw new BotTokenException(
            $"The {endpointName} refused the bot's token request ({described}). Check {settingsHint}.",
            isTransient: false,
            errorCode);
    }

    private static DateTimeOffset ExpiresOn(TokenEndpointResponse body, TimeProvider time)
    {
        DateTimeOffset now = time.GetUtcNow();
        if (body.ExpiresIn is long seconds and > 0)
        {
            return now.AddSeconds(seconds);
        }

        if (body.ExpiresOn is long unix and > 0)
        {
            return DateTimeOffset.FromUnixTimeSeconds(unix);
        }

        // No lifetime given: assume a short one so that it is refreshed soon rather than used after it expired.
        return now.AddMinutes(10);
    }

    /// <summary>Keeps an OAuth error code only if it looks like one, so nothing else from the body reaches logs.</summary>
    private static string? Sanitize(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > MaxErrorCodeLength)
        {
            return null;
        }

        foreach (char c in code)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '.')
            {
                return null;
            }
        }

        return code;
    }
}

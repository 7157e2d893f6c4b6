using System.Globalization;
using Azure.Identity;
using HealthGuideBot.Core.Filing;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace HealthGuideBot.Infrastructure.Filing.Graph;

/// <summary>
/// Translates a failed Graph call into a filing outcome. Reasons carry the HTTP status and Graph error code only,
/// never a message (which can echo a path or subject).
/// </summary>
internal static class GraphFailure
{
    public static int? Status(Exception exception) => exception is ApiException api ? api.ResponseStatusCode : null;

    public static string? Code(Exception exception) => (exception as ODataError)?.Error?.Code;

    public static FilingResult Classify(Exception exception, TimeProvider time)
    {
        switch (exception)
        {
            case ApiException api:
                int status = api.ResponseStatusCode;
                string reason = $"HTTP {status}" + (Code(exception) is { Length: > 0 } code ? $" {code}" : string.Empty);
                return status switch
                {
                    429 or 503 => new FilingResult.Transient(reason, RetryAfter(api, time)),
                    408 or 412 or 416 or 500 or 502 or 504 or 509 => new FilingResult.Transient(reason, RetryAfter(api, time)),
                    401 => new FilingResult.NeedsAdministrator(reason + ": the app's credential was refused"),
                    403 => new FilingResult.NeedsAdministrator(reason + ": the app has no grant here (Sites.Selected site grant, or the mailbox's Exchange RBAC scope)"),
                    404 => new FilingResult.NeedsAdministrator(reason + ": the configured site, drive, list or mailbox was not found"),
                    507 => new FilingResult.NeedsAdministrator(reason + ": the library is out of storage"),
                    _ when status >= 500 => new FilingResult.Transient(reason, RetryAfter(api, time)),
                    _ => new FilingResult.NeedsAdministrator(reason),
                };
            case CredentialUnavailableException:
                return new FilingResult.NeedsAdministrator("no Graph credential is available (check the Filing:Graph credential settings)");
            case AuthenticationFailedException:
                return new FilingResult.Transient("token request failed", null);
            case HttpRequestException http:
                return new FilingResult.Transient(http.StatusCode is { } code2 ? $"HTTP {(int)code2}" : "network error", null);
            case TimeoutException or TaskCanceledException:
                return new FilingResult.Transient("timeout", null);
            default:
                throw new InvalidOperationException("Unexpected failure while filing through Graph.", exception);
        }
    }

    /// <summary><c>Retry-After</c> as delta-seconds or an HTTP date, against the injected clock.</summary>
    public static TimeSpan? RetryAfter(ApiException api, TimeProvider time)
    {
        if (api.ResponseHeaders is null)
        {
            return null;
        }

        foreach (var (name, values) in api.ResponseHeaders)
        {
            if (!string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seconds))
                {
                    return TimeSpan.FromSeconds(Math.Max(0, seconds));
                }

                if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                {
                    var wait = date - time.GetUtcNow();
                    return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
                }
            }
        }

        return null;
    }
}

using System.Net;

namespace HealthGuideBot.BotFramework.Hosting;

/// <summary>
/// The service URL host allow-list (security.md §0.4, 18, 48): the bot accepts activities from, and sends its token
/// to, only these hosts. Patterns are exact host names or <c>*.suffix</c> for any sub-domain (not the bare suffix).
/// HTTPS is required, except for loopback hosts when unauthenticated development mode is on.
/// </summary>
public static class ServiceUrlPolicy
{
    /// <summary>True when <paramref name="serviceUrl"/> may be used with these options.</summary>
    public static bool IsAllowed(string? serviceUrl, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        if (IsLoopback(uri))
        {
            return options.IsAuthenticationDisabled && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        var patterns = options.AllowedServiceUrlHosts.Count > 0 ? (IEnumerable<string>)options.AllowedServiceUrlHosts : BotFrameworkOptions.DefaultAllowedServiceUrlHosts;
        return patterns.Any(pattern => HostMatches(uri.IdnHost, pattern));
    }

    internal static bool HostMatches(string host, string pattern)
    {
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = pattern[1..]; // ".example.com"
            return host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);
    }

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address));
}

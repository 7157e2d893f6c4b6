using HealthGuideBot.BotFramework.Hosting;

namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>
/// The <c>serviceUrl</c> host allow-list (security.md §0.4, tests A18 and A48), shared by the inbound endpoint, the
/// Entra-token fallback of <see cref="BotFrameworkAuthenticator"/> and the outbound connector: the bot's token is only
/// ever sent to a host on this list.
/// </summary>
internal static class ServiceUrlAllowList
{
    /// <summary>
    /// True when <paramref name="serviceUrl"/> is https (or, see below, loopback http) and its host matches
    /// <see cref="BotFrameworkOptions.AllowedServiceUrlHosts"/> (or the defaults when that is empty). A pattern is an
    /// exact host name, or <c>*.suffix</c> for any sub-domain of <c>suffix</c> (not <c>suffix</c> itself).
    /// </summary>
    /// <remarks>
    /// Loopback hosts: with authentication disabled (local development), loopback URLs over http or https are allowed
    /// without being listed. With <see cref="BotFrameworkOptions.AllowInsecureLoopbackServiceUrls"/> (tests, Development
    /// only), http is allowed for loopback hosts that ARE listed. Nothing else may use http.
    /// </remarks>
    public static bool IsAllowed(Uri? serviceUrl, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (serviceUrl is null || !serviceUrl.IsAbsoluteUri || serviceUrl.UserInfo.Length > 0)
        {
            return false;
        }

        var isHttps = serviceUrl.Scheme == Uri.UriSchemeHttps;
        var isHttp = serviceUrl.Scheme == Uri.UriSchemeHttp;
        var isLoopback = serviceUrl.IsLoopback;

        if (options.IsAuthenticationDisabled && isLoopback && (isHttps || isHttp))
        {
            return true;
        }

        if (!isHttps && !(isHttp && isLoopback && options.AllowInsecureLoopbackServiceUrls))
        {
            return false;
        }

        var patterns = options.AllowedServiceUrlHosts.Count > 0
            ? (IEnumerable<string>)options.AllowedServiceUrlHosts
            : BotFrameworkOptions.DefaultAllowedServiceUrlHosts;
        var host = serviceUrl.IdnHost;
        return patterns.Any(pattern => HostMatches(host, pattern));
    }

    /// <summary>Parses <paramref name="serviceUrl"/> and applies <see cref="IsAllowed(Uri?, BotFrameworkOptions)"/>.</summary>
    public static bool IsAllowed(string? serviceUrl, BotFrameworkOptions options) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && IsAllowed(uri, options);

    /// <summary>True when <paramref name="pattern"/> is a host name or <c>*.suffix</c> with at least two labels.</summary>
    internal static bool IsValidPattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }

        var name = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        if (name.Length == 0 || name.StartsWith('.') || name.EndsWith('.') || name.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        var wildcard = name.Length != pattern.Length;
        return (!wildcard || name.Contains('.', StringComparison.Ordinal))
            && Uri.CheckHostName(name) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6;
    }

    private static bool HostMatches(string host, string pattern)
    {
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffix = pattern[1..]; // ".botframework.com": the dot keeps "evilbotframework.com" out.
            return host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);
    }
}

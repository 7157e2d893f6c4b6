using System.Collections.Concurrent;
using HealthGuideBot.BotFramework.Hosting;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// Decides which <c>serviceUrl</c>s the bot may call, and so send its token to (security.md §0.4, test 48).
/// A host is allowed when it equals an allow-list entry or, for an entry <c>*.suffix</c>, ends with <c>.suffix</c>
/// (the bare suffix itself is not matched). https is required, except for a loopback host when authentication is
/// disabled (the local Playground), where no token is ever attached. User info, queries and fragments are refused:
/// a channel never sends them, and they would corrupt the request path.
/// </summary>
/// <remarks>
/// Same semantics as the inbound <c>ServiceUrlAllowList</c> in Authentication/; kept apart until the two are unified.
/// Validated base URLs are cached (bounded), so the hot path parses each channel's URL once.
/// </remarks>
internal sealed class OutboundHostPolicy
{
    private const int MaxCachedBaseUrls = 256;

    private readonly string[] _exactHosts;
    private readonly string[] _suffixes;
    private readonly bool _allowLoopbackHttp;
    private readonly ConcurrentDictionary<string, string> _baseUrls = new(StringComparer.Ordinal);

    public OutboundHostPolicy(IEnumerable<string> allowedHosts, bool isAuthenticationDisabled)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        var exact = new List<string>();
        var suffixes = new List<string>();
        foreach (string entry in allowedHosts)
        {
            string host = entry.Trim().ToLowerInvariant();
            if (host.StartsWith("*.", StringComparison.Ordinal) && host.Length > 2)
            {
                suffixes.Add(host[1..]);
            }
            else if (host.Length > 0 && !host.Contains('*', StringComparison.Ordinal))
            {
                exact.Add(host);
            }
            else
            {
                throw new ArgumentException(
                    $"'{entry}' is not a valid outbound host entry: use an exact host name or '*.suffix'.",
                    nameof(allowedHosts));
            }
        }

        _exactHosts = [.. exact];
        _suffixes = [.. suffixes];
        _allowLoopbackHttp = isAuthenticationDisabled;
    }

    public static OutboundHostPolicy FromOptions(BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IEnumerable<string> hosts = options.AllowedServiceUrlHosts.Count > 0
            ? options.AllowedServiceUrlHosts
            : BotFrameworkOptions.DefaultAllowedServiceUrlHosts;
        return new OutboundHostPolicy(hosts, options.IsAuthenticationDisabled);
    }

    /// <summary>True when a token may be attached to requests to this policy's hosts.</summary>
    public bool IsAuthenticationDisabled => _allowLoopbackHttp;

    /// <summary>
    /// Returns <paramref name="serviceUrl"/> without its trailing slash, ready for <c>/v3/…</c> to be appended,
    /// or throws <see cref="OutboundRequestRefusedException"/> when the URL may not be called.
    /// </summary>
    public string GetBaseUrl(string serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (_baseUrls.TryGetValue(serviceUrl, out string? cached))
        {
            return cached;
        }

        if (!IsAllowed(serviceUrl, out Uri? uri))
        {
            // The URL is not echoed: it came from the wire and may be crafted.
            throw new OutboundRequestRefusedException(
                OutboundRefusalReason.ServiceUrlNotAllowed,
                "The serviceUrl is not on the outbound host allow-list (BotFramework:AllowedServiceUrlHosts) or is not https; nothing was sent.");
        }

        string baseUrl = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (_baseUrls.Count < MaxCachedBaseUrls)
        {
            _baseUrls.TryAdd(serviceUrl, baseUrl);
        }

        return baseUrl;
    }

    public bool IsAllowed(string serviceUrl, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out uri)
            || uri.UserInfo.Length > 0
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0)
        {
            uri = null;
            return false;
        }

        bool https = uri.Scheme == Uri.UriSchemeHttps;
        bool loopbackHttp = _allowLoopbackHttp && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
        if (!https && !loopbackHttp)
        {
            uri = null;
            return false;
        }

        if (loopbackHttp || (_allowLoopbackHttp && uri.IsLoopback))
        {
            // Unauthenticated local development: the Playground's connector is on loopback and no token is sent.
            return true;
        }

        if (!IsHostAllowed(uri.IdnHost))
        {
            uri = null;
            return false;
        }

        return true;
    }

    private bool IsHostAllowed(string host)
    {
        foreach (string exact in _exactHosts)
        {
            if (string.Equals(host, exact, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (string suffix in _suffixes)
        {
            // suffix starts with '.', so "evilbotframework.com" never matches "*.botframework.com".
            if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

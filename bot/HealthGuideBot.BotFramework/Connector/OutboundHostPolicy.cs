using System.Collections.Concurrent;
using HealthGuideBot.BotFramework.Authentication;
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

    private readonly BotFrameworkOptions _options;
    private readonly ConcurrentDictionary<string, string> _baseUrls = new(StringComparer.Ordinal);

    private OutboundHostPolicy(BotFrameworkOptions options) => _options = options;

    /// <summary>The policy for these options: the same allow-list as inbound (<see cref="ServiceUrlAllowList"/>).</summary>
    public static OutboundHostPolicy FromOptions(BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var entry in options.AllowedServiceUrlHosts)
        {
            if (!ServiceUrlAllowList.IsValidPattern(entry.Trim()))
            {
                throw new ArgumentException($"'{entry}' is not a valid outbound host entry: use an exact host name or '*.suffix'.", nameof(options));
            }
        }

        return new OutboundHostPolicy(options);
    }

    public bool IsAuthenticationDisabled => _options.IsAuthenticationDisabled;

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
                "The serviceUrl is not on the outbound host allow-list (HealthGuideBot:AllowedServiceUrlHosts) or is not https; nothing was sent.");
        }

        string baseUrl = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (_baseUrls.Count < MaxCachedBaseUrls)
        {
            _baseUrls.TryAdd(serviceUrl, baseUrl);
        }

        return baseUrl;
    }

    /// <summary>
    /// True when the bot may call (and send its token to) <paramref name="serviceUrl"/>: allowed inbound, and with no
    /// query or fragment, which a connector base URL never has.
    /// </summary>
    public bool IsAllowed(string serviceUrl, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out uri)
            || uri.Query.Length > 0
            || uri.Fragment.Length > 0
            || !ServiceUrlAllowList.IsAllowed(uri, _options))
        {
            uri = null;
            return false;
        }

        return true;
    }
}

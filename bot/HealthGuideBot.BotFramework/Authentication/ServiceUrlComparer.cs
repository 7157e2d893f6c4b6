namespace HealthGuideBot.BotFramework.Authentication;

/// <summary>
/// Compares the <c>serviceurl</c> claim of a Bot Framework token with <c>activity.serviceUrl</c> (security.md §1.1,
/// test A17).
/// </summary>
/// <remarks>
/// Only the case of the scheme and of the authority (host and port) is normalised; the path and query are compared
/// ordinally. One deliberate tolerance: a single trailing <c>/</c> at the end of the path is ignored, because Teams
/// sends <c>https://smba.trafficmanager.net/emea/</c> while other writers trim the slash, and both name the same
/// connector base (the connector appends <c>v3/…</c> after trimming it). No other normalisation: <c>..</c> segments,
/// percent-encoding, default ports and user info are not interpreted, so any such difference is a mismatch.
/// </remarks>
internal static class ServiceUrlComparer
{
    public static bool AreEquivalent(string? claim, string? serviceUrl)
    {
        if (!TrySplit(claim, out var claimParts) || !TrySplit(serviceUrl, out var activityParts))
        {
            return false;
        }

        return string.Equals(claimParts.Scheme, activityParts.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(claimParts.Authority, activityParts.Authority, StringComparison.OrdinalIgnoreCase)
            && string.Equals(TrimOneTrailingSlash(claimParts.Remainder), TrimOneTrailingSlash(activityParts.Remainder), StringComparison.Ordinal);
    }

    private static bool TrySplit(string? url, out (string Scheme, string Authority, string Remainder) parts)
    {
        parts = default;
        if (string.IsNullOrEmpty(url)
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http")
            || uri.UserInfo.Length > 0
            || uri.Fragment.Length > 0)
        {
            return false;
        }

        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return false;
        }

        var authorityStart = schemeEnd + 3;
        var restStart = url.IndexOfAny(['/', '?'], authorityStart);
        parts = restStart < 0
            ? (url[..schemeEnd], url[authorityStart..], string.Empty)
            : (url[..schemeEnd], url[authorityStart..restStart], url[restStart..]);
        return parts.Authority.Length > 0;
    }

    private static string TrimOneTrailingSlash(string rest) =>
        rest.EndsWith('/') && !rest.Contains('?', StringComparison.Ordinal) ? rest[..^1] : rest;
}

using System.Net;

namespace HealthGuideBot.LoadTool;

/// <summary>The tool sends load to loopback only: anything else is refused before a single request goes out.</summary>
internal static class LoopbackGuard
{
    public static Uri RequireLoopbackHttpUrl(string value, string what)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new LoadToolException($"{what} '{value}' is not an absolute http(s) URL; pass e.g. http://127.0.0.1:3978/api/messages.");
        }

        if (!IsLoopbackHost(uri.Host))
        {
            throw new LoadToolException(
                $"{what} '{value}' is not on loopback. The load tool only sends to 127.0.0.0/8, ::1 or localhost; run the target on this machine.");
        }

        return uri;
    }

    public static bool IsLoopbackHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var address) && IPAddress.IsLoopback(address);
    }
}

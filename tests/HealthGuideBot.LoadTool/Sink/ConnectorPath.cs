namespace HealthGuideBot.LoadTool.Sink;

/// <summary>
/// Reads <c>…/v3/conversations/{conversationId}/activities[/{replyToId}]</c> under any service URL prefix
/// (Teams service URLs carry one, e.g. <c>https://smba.trafficmanager.net/uk/</c>).
/// </summary>
internal static class ConnectorPath
{
    private const string Marker = "/v3/conversations/";

    public static bool TryParse(string path, out string conversationId, out string? replyToId)
    {
        conversationId = string.Empty;
        replyToId = null;
        var start = path.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }

        var parts = path[(start + Marker.Length)..].Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || !string.Equals(parts[1], "activities", StringComparison.Ordinal))
        {
            return false;
        }

        conversationId = Uri.UnescapeDataString(parts[0]);
        replyToId = parts.Length == 3 && parts[2].Length > 0 ? Uri.UnescapeDataString(parts[2]) : null;
        return true;
    }
}

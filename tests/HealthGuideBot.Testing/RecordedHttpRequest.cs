namespace HealthGuideBot.Testing;

/// <summary>One request seen by <see cref="RecordingHttpMessageHandler"/>, copied so it outlives the request.</summary>
public sealed record RecordedHttpRequest(
    int Sequence,
    HttpMethod Method,
    Uri Uri,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The <c>Authorization</c> header as sent, or <see langword="null"/> when there was none.</summary>
    public string? Authorization => Headers.TryGetValue("Authorization", out string? value) ? value : null;

    /// <summary>The request line's path and query exactly as escaped on the wire.</summary>
    public string PathAndQuery => Uri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
}

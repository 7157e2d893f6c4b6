namespace HealthGuideBot.Testing.Graph;

/// <summary>One request the Graph stand-in received.</summary>
/// <param name="Path">The decoded path, for example <c>/v1.0/drives/d1/root:/Plans/IHP.docx:/content</c>.</param>
public sealed record GraphCall(int Sequence, string Method, string Path, string Query, bool HasAuthorization, long ContentLength, string? ContentRange)
{
    public bool IsUploadChunk => Method == "PUT" && Path.StartsWith("/upload/", StringComparison.Ordinal);

    public bool Is(string method, string pathContains) =>
        Method == method && Path.Contains(pathContains, StringComparison.OrdinalIgnoreCase);
}

using System.Collections.Concurrent;

namespace HealthGuideBot.Testing;

/// <summary>
/// An in-memory HTTP layer for unit tests: records every request (headers, body) and answers with the supplied
/// function. Thread-safe. Prefer <see cref="FakeConnectorServer"/> when the real socket stack matters.
/// </summary>
public sealed class RecordingHttpMessageHandler : HttpMessageHandler
{
    private readonly Func<RecordedHttpRequest, CancellationToken, Task<HttpResponseMessage>> _respond;
    private readonly ConcurrentQueue<RecordedHttpRequest> _requests = new();
    private readonly TimeProvider _time;
    private int _sequence;

    /// <param name="time">Stamps <see cref="RecordedHttpRequest.ReceivedAt"/>; pass the test's fake clock.</param>
    public RecordingHttpMessageHandler(Func<RecordedHttpRequest, CancellationToken, Task<HttpResponseMessage>> respond, TimeProvider? time = null)
    {
        _respond = respond;
        _time = time ?? TimeProvider.System;
    }

    public RecordingHttpMessageHandler(Func<RecordedHttpRequest, HttpResponseMessage> respond, TimeProvider? time = null)
        : this((request, _) => Task.FromResult(respond(request)), time)
    {
    }

    /// <summary>The requests so far, in arrival order.</summary>
    public IReadOnlyList<RecordedHttpRequest> Requests => [.. _requests.OrderBy(r => r.Sequence)];

    /// <summary>Answers 200 with a JSON body.</summary>
    public static HttpResponseMessage Json(string json, System.Net.HttpStatusCode status = System.Net.HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        string? body = null;
        if (request.Content is not null)
        {
            foreach (KeyValuePair<string, IEnumerable<string>> header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            body = await request.Content.ReadAsStringAsync(cancellationToken);
        }

        var recorded = new RecordedHttpRequest(
            Interlocked.Increment(ref _sequence),
            request.Method,
            request.RequestUri ?? throw new InvalidOperationException("The request has no URI."),
            headers,
            body,
            _time.GetUtcNow());
        _requests.Enqueue(recorded);
        HttpResponseMessage response = await _respond(recorded, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }
}

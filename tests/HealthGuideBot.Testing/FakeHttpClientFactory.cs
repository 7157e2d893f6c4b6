namespace HealthGuideBot.Testing;

/// <summary>
/// An <see cref="IHttpClientFactory"/> that hands out clients over given handlers by name, for unit tests that
/// construct a component directly. Handlers are not disposed by the clients.
/// </summary>
public sealed class FakeHttpClientFactory : IHttpClientFactory
{
    private readonly Dictionary<string, HttpMessageHandler> _handlers = new(StringComparer.Ordinal);

    public FakeHttpClientFactory Add(string name, HttpMessageHandler handler)
    {
        _handlers[name] = handler;
        return this;
    }

    public HttpClient CreateClient(string name) =>
        _handlers.TryGetValue(name, out HttpMessageHandler? handler)
            ? new HttpClient(handler, disposeHandler: false)
            : throw new InvalidOperationException($"No fake handler is registered for the HttpClient named '{name}'.");
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Host.Tests;

/// <summary>
/// Captures every log record (message, structured properties, exception) and scope as text, so log-privacy tests can
/// search them for pupil names and message text that must never be logged.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Queue { get; } = new();

    public string[] Records => [.. Queue];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            provider.Queue.Enqueue("scope: " + state);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            provider.Queue.Enqueue($"{formatter(state, exception)} | {properties} | {exception}");
        }
    }
}

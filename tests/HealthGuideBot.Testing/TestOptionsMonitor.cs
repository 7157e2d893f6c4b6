using Microsoft.Extensions.Options;

namespace HealthGuideBot.Testing;

/// <summary>An <see cref="IOptionsMonitor{TOptions}"/> whose value a test can replace, as a configuration reload would.</summary>
public sealed class TestOptionsMonitor<TOptions> : IOptionsMonitor<TOptions>
{
    private readonly List<Action<TOptions, string?>> _listeners = [];

    public TestOptionsMonitor(TOptions value)
    {
        CurrentValue = value;
    }

    public TOptions CurrentValue { get; private set; }

    public TOptions Get(string? name) => CurrentValue;

    /// <summary>Replaces the value and notifies listeners.</summary>
    public void Set(TOptions value)
    {
        CurrentValue = value;
        foreach (Action<TOptions, string?> listener in _listeners.ToArray())
        {
            listener(value, Options.DefaultName);
        }
    }

    public IDisposable? OnChange(Action<TOptions, string?> listener)
    {
        _listeners.Add(listener);
        return new Subscription(() => _listeners.Remove(listener));
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

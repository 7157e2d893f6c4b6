using HealthGuideBot.BotFramework.Connector;

namespace HealthGuideBot.BotFramework.Tests.Connector;

/// <summary>Hands out <c>tok-1</c>, then <c>tok-2</c> after each refresh; counts how it was used.</summary>
internal sealed class FakeBotTokenProvider : IBotTokenProvider
{
    private int _generation = 1;
    private int _gets;
    private int _refreshes;

    public int Gets => Volatile.Read(ref _gets);

    public int Refreshes => Volatile.Read(ref _refreshes);

    public string Current => $"tok-{Volatile.Read(ref _generation)}";

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _gets);
        return ValueTask.FromResult(Current);
    }

    public ValueTask<string> RefreshAfterRejectionAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _refreshes);
        Interlocked.Increment(ref _generation);
        return ValueTask.FromResult(Current);
    }
}

using HealthGuideBot.Knowledge.Indexing;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Knowledge.Tests.Indexing;

public sealed class IndexFolderLockTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hgb-lock-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task SecondHolder_WaitsUntilTheFirstReleases()
    {
        var first = await IndexFolderLock.AcquireAsync(_root, TimeSpan.FromMinutes(1), _clock, CancellationToken.None);
        var second = IndexFolderLock.AcquireAsync(_root, TimeSpan.FromMinutes(1), _clock, CancellationToken.None);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(second.IsCompleted);

        first.Dispose();
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        using var held = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(held);
    }

    [Fact]
    public async Task Waiting_PastTheTimeout_FailsWithAClearError()
    {
        using var first = await IndexFolderLock.AcquireAsync(_root, TimeSpan.FromMinutes(1), _clock, CancellationToken.None);
        var second = IndexFolderLock.AcquireAsync(_root, TimeSpan.FromSeconds(1), _clock, CancellationToken.None);

        for (var i = 0; i < 1_000 && !second.IsCompleted; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        var error = await Assert.ThrowsAsync<TimeoutException>(() => second.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("building the knowledge index", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

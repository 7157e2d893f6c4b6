namespace HealthGuideBot.Knowledge.Indexing;

/// <summary>
/// An exclusive, cross-process lock on an index root (an OS-level exclusive open of <c>build.lock</c>), held while a
/// process checks whether the index is current and rebuilds it. Two bots, a bot and the <c>index</c> command, or two
/// test hosts started over the same folder then take turns: the second finds the index current instead of building
/// beside the first and deleting the generation the first is still writing. The OS releases the lock if the process
/// dies, so a crash never leaves the folder locked.
/// </summary>
public sealed class IndexFolderLock : IDisposable
{
    public const string FileName = "build.lock";

    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _stream;

    private IndexFolderLock(FileStream stream) => _stream = stream;

    /// <summary>Waits up to <paramref name="timeout"/> for the lock, polling on <paramref name="timeProvider"/>.</summary>
    /// <exception cref="TimeoutException">Another process held the lock for the whole of <paramref name="timeout"/>.</exception>
    public static async Task<IndexFolderLock> AcquireAsync(string indexRoot, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexRoot);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Directory.CreateDirectory(indexRoot);
        var path = Path.Combine(indexRoot, FileName);
        var started = timeProvider.GetTimestamp();
        while (true)
        {
            try
            {
                return new IndexFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (timeProvider.GetElapsedTime(started) < timeout)
            {
                await Task.Delay(RetryInterval, timeProvider, cancellationToken);
            }
            catch (IOException exception)
            {
                throw new TimeoutException($"Another process has been building the knowledge index in '{indexRoot}' for over {timeout.TotalSeconds:0} s.", exception);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}

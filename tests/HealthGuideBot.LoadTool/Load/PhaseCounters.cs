namespace HealthGuideBot.LoadTool.Load;

/// <summary>Thread-safe counts for one phase; the sink and the workers both write to it.</summary>
internal sealed class PhaseCounters
{
    private long _sent;
    private long _replied;
    private long _errors;
    private long _lost;
    private long _duplicates;
    private long _late;
    private long _wrong;
    private long _cards;

    public long Sent => Interlocked.Read(ref _sent);

    public long Replied => Interlocked.Read(ref _replied);

    /// <summary>POSTs that failed: non-2xx, connection errors, or no response within the timeout.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Accepted activities whose reply did not reach the sink within the reply timeout.</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Second and later message replies to the same activity.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Replies that came after the reply timeout (already counted as lost or as an error).</summary>
    public long Late => Interlocked.Read(ref _late);

    /// <summary>Replies of the wrong shape: an emergency answered by our bot without an Adaptive Card.</summary>
    public long Wrong => Interlocked.Read(ref _wrong);

    /// <summary>First replies that carried an Adaptive Card attachment.</summary>
    public long Cards => Interlocked.Read(ref _cards);

    public void AddWrong() => Interlocked.Increment(ref _wrong);

    public void AddCard() => Interlocked.Increment(ref _cards);

    public void AddSent() => Interlocked.Increment(ref _sent);

    public void AddReplied() => Interlocked.Increment(ref _replied);

    public void AddError() => Interlocked.Increment(ref _errors);

    public void AddLost() => Interlocked.Increment(ref _lost);

    public void AddDuplicate() => Interlocked.Increment(ref _duplicates);

    public void AddLate() => Interlocked.Increment(ref _late);
}

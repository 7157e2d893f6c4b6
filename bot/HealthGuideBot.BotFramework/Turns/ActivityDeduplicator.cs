using System.Collections.Concurrent;
using HealthGuideBot.BotFramework.Hosting;
using HealthGuideBot.BotFramework.Schema;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.BotFramework.Turns;

/// <summary>
/// Runs a re-delivered activity once. Teams re-sends an activity it thinks timed out, and the same invoke has been
/// seen several times with one id (security.md §2). The key is (conversation id, activity id) (spec A2033 lets
/// receivers de-duplicate by id). A repeat that arrives while the first is running waits for it and gets the same
/// result; a repeat after it finished gets the remembered result. A turn that failed is forgotten so that the
/// channel's retry can run it again.
/// </summary>
internal sealed class ActivityDeduplicator
{
    private const int PurgeEvery = 1024;

    private readonly ConcurrentDictionary<(string ConversationId, string ActivityId), Entry> _entries = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private int _sincePurge;

    public ActivityDeduplicator(TimeProvider time, IOptions<BotFrameworkOptions> options)
    {
        _time = time;
        _window = options.Value.DeduplicationWindow;
    }

    /// <summary>Runs <paramref name="turn"/> unless this activity already ran (or is running); returns its result.</summary>
    public async Task<DeduplicatedResult> RunOnceAsync(Activity activity, Func<Task<InvokeResponse?>> turn)
    {
        if (activity.Id is not { Length: > 0 } activityId || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return new DeduplicatedResult(await turn(), IsRepeat: false);
        }

        MaybePurge();
        var key = (conversationId, activityId);
        var mine = new Entry(new TaskCompletionSource<InvokeResponse?>(TaskCreationOptions.RunContinuationsAsynchronously), _time.GetUtcNow() + _window);
        while (true)
        {
            var existing = _entries.GetOrAdd(key, mine);
            if (ReferenceEquals(existing, mine))
            {
                break;
            }

            if (existing.ExpiresAt > _time.GetUtcNow())
            {
                return new DeduplicatedResult(await existing.Result.Task, IsRepeat: true);
            }

            _entries.TryRemove(KeyValuePair.Create(key, existing));
        }

        try
        {
            var result = await turn();
            mine.Result.SetResult(result);
            return new DeduplicatedResult(result, IsRepeat: false);
        }
        catch (Exception exception)
        {
            _entries.TryRemove(KeyValuePair.Create(key, mine));
            mine.Result.SetException(exception);
            throw;
        }
    }

    private void MaybePurge()
    {
        if (Interlocked.Increment(ref _sincePurge) % PurgeEvery != 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var pair in _entries)
        {
            if (pair.Value.ExpiresAt <= now && pair.Value.Result.Task.IsCompleted)
            {
                _entries.TryRemove(pair);
            }
        }
    }

    private sealed record Entry(TaskCompletionSource<InvokeResponse?> Result, DateTimeOffset ExpiresAt);
}

/// <summary>The result of a turn, and whether this delivery was a repeat that did not run it again.</summary>
internal readonly record struct DeduplicatedResult(InvokeResponse? Response, bool IsRepeat);

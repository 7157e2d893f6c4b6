using System.Collections.Concurrent;
using HealthGuideBot.BotFramework.Dialogs;

namespace HealthGuideBot.Infrastructure.Dialogs;

/// <summary>
/// The users known to have no active dialog, so that the common case (a message outside any form) costs no database
/// read. Sound while this process is the only writer of dialog state, as with the embedded SQLite database: every
/// write goes through <see cref="CachingDialogStateStore"/>, which forgets the user first. Several instances sharing
/// one database must turn it off (<c>HealthGuideBot:Storage:CacheAbsentDialogs</c>).
/// </summary>
internal sealed class AbsentDialogCache
{
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<DialogKey, byte> _absent = new();

    public bool IsKnownAbsent(DialogKey key) => _absent.ContainsKey(key);

    public void MarkAbsent(DialogKey key)
    {
        if (_absent.Count >= Capacity)
        {
            _absent.Clear();
        }

        _absent.TryAdd(key, 0);
    }

    public void Forget(DialogKey key) => _absent.TryRemove(key, out _);
}

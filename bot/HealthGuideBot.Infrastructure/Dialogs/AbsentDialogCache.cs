using System.Collections.Concurrent;
using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.Infrastructure.Dialogs;

/// <summary>
/// The users known to have no active dialog, so that the common case (a message outside any form) costs no database
/// read. Sound while this process is the only writer of dialog state, as with the embedded SQLite database: every
/// write goes through <see cref="CachingDialogStateStore"/>, which forgets the user first. Several instances sharing
/// one database must turn it off (<c>HealthGuideBot:Storage:CacheAbsentDialogs</c>). A user is remembered by the
/// <see cref="IdentityKey"/> of their dialog key, not by its strings.
/// </summary>
internal sealed class AbsentDialogCache
{
    private const int Capacity = 100_000;

    private readonly ConcurrentDictionary<UInt128, byte> _absent = new();

    public bool IsKnownAbsent(DialogKey key) => _absent.ContainsKey(KeyOf(key));

    public void MarkAbsent(DialogKey key)
    {
        if (_absent.Count >= Capacity)
        {
            _absent.Clear();
        }

        _absent.TryAdd(KeyOf(key), 0);
    }

    public void Forget(DialogKey key) => _absent.TryRemove(KeyOf(key), out _);

    private static UInt128 KeyOf(DialogKey key) => IdentityKey.Of(key.ChannelId, key.ConversationId, key.UserId);
}

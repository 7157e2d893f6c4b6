using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.Host.Conversations;

/// <summary>Who sent a turn, as the staff directory knows them.</summary>
internal static class StaffIdentity
{
    /// <summary>
    /// The sender's Entra object id (<c>from.aadObjectId</c>), the only identity the staff directory knows. Without one,
    /// the channel's user id, which no directory entry matches, so the request is refused and audited under that id;
    /// null when the activity names no sender at all.
    /// </summary>
    public static string? UserIdOf(ITurnContext turn) =>
        turn.Activity.From?.AadObjectId is { Length: > 0 } aad ? aad
        : turn.Activity.From?.Id is { Length: > 0 } id ? id
        : null;
}

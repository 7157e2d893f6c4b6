namespace HealthGuideBot.BotFramework.Dialogs;

/// <summary>
/// One user on one channel: the owner of drafts. <see cref="UserId"/> is <c>from.aadObjectId</c> when the channel
/// sends it (Teams does for every user), otherwise <c>from.id</c>.
/// </summary>
public sealed record DialogUser(string ChannelId, string UserId);

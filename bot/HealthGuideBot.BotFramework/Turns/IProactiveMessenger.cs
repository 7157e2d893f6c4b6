using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.BotFramework.Turns;

/// <summary>
/// Talks to a conversation outside a turn, from a stored <see cref="ConversationReference"/>: the only way to
/// message users from a background job (never keep an <see cref="ITurnContext"/> past its turn).
/// </summary>
public interface IProactiveMessenger
{
    /// <summary>Runs <paramref name="callback"/> in a proactive turn addressed to the referenced conversation.</summary>
    Task ContinueConversationAsync(ConversationReference reference, TurnHandler callback, CancellationToken cancellationToken);
}

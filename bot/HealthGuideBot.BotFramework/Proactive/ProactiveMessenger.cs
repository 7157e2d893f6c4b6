using HealthGuideBot.BotFramework.Authentication;
using HealthGuideBot.BotFramework.Connector;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.BotFramework.Proactive;

/// <summary>
/// Runs a proactive turn from a stored reference: a synthetic <c>event</c> activity named
/// <c>continueConversation</c> addressed as if the referenced user had written to the bot, a fresh DI scope, and the
/// connector. When the channel answers 403 the reference is marked inactive (when a store is registered).
/// </summary>
internal sealed partial class ProactiveMessenger : IProactiveMessenger
{
    /// <summary>The name of the synthetic event activity of a proactive turn (botbuilder's <c>ContinueConversation</c>).</summary>
    public const string ContinueConversationEventName = "continueConversation";

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ProactiveMessenger> _logger;

    public ProactiveMessenger(IServiceScopeFactory scopeFactory, TimeProvider timeProvider, ILogger<ProactiveMessenger> logger)
    {
        _scopeFactory = scopeFactory;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task ContinueConversationAsync(ConversationReference reference, TurnHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        var activity = CreateContinueActivity(reference, _timeProvider.GetUtcNow());
        var conversationId = activity.Conversation!.Id!;
        var turnId = Guid.NewGuid().ToString("N");

        await using var scope = _scopeFactory.CreateAsyncScope();
        var connector = scope.ServiceProvider.GetRequiredService<IConnectorClient>();
        var turn = new TurnContext(activity, BotCaller.Proactive, scope.ServiceProvider, connector, turnId);
        Log.ProactiveTurnStarting(_logger, reference.ChannelId, turnId);
        try
        {
            await callback(turn, cancellationToken);
        }
        catch (ConnectorException ex) when (ex.IsBotRemovedFromConversation)
        {
            Log.BotRemovedFromConversation(_logger, reference.ChannelId, turnId);
            if (scope.ServiceProvider.GetService<IConversationReferenceStore>() is { } store)
            {
                await store.MarkInactiveAsync(reference.ChannelId, conversationId, cancellationToken);
            }

            throw;
        }
    }

    /// <summary>The synthetic inbound activity of a proactive turn: from the referenced user, to the bot.</summary>
    internal static Activity CreateContinueActivity(ConversationReference reference, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(reference.Conversation.Id))
        {
            throw new ArgumentException("The conversation reference has no conversation id.", nameof(reference));
        }

        // No id: a proactive turn replies to nothing, so the turn context sends to the conversation, not as a reply.
        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = ContinueConversationEventName,
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = reference.User,
            Recipient = reference.Bot,
            Locale = reference.Locale,
            Timestamp = now,
        };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1350, Level = LogLevel.Debug, Message = "Proactive turn {TurnId} starting on channel {ChannelId}")]
        public static partial void ProactiveTurnStarting(ILogger logger, string channelId, string turnId);

        [LoggerMessage(EventId = 1351, Level = LogLevel.Warning, Message = "Proactive turn {TurnId} on channel {ChannelId}: the channel refused with 403; the conversation reference is marked inactive")]
        public static partial void BotRemovedFromConversation(ILogger logger, string channelId, string turnId);
    }
}

using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Host.Conversations;
using HealthGuideBot.Host.Conversations.Help;
using HealthGuideBot.Host.Conversations.Welcome;

namespace HealthGuideBot.Host;

/// <summary>The bot: the route table, and nothing else. Each route hands the turn to a feature's conversation class.</summary>
internal sealed class HealthGuideBotApp : IBot
{
    private readonly ActivityRouter _routes = new ActivityRouter()
        .OnActivity(ActivityTypes.InstallationUpdate, (turn, ct) => Get<WelcomeConversation>(turn).OnInstallationUpdateAsync(turn, ct))
        .OnMessage(HelpConversation.IsHelpRequest, (turn, ct) => Get<HelpConversation>(turn).ShowAsync(turn, ct))
        .OnCardAction(HelpConversation.TopicVerb, (turn, action, ct) => Get<HelpConversation>(turn).ShowTopicAsync(action, ct))
        .OnCardAction(HelpConversation.MenuVerb, (turn, action, ct) => Get<HelpConversation>(turn).ShowMenuAsync(ct))
        .OnCardAction(HelpConversation.ExamplesVerb, (turn, action, ct) => HelpConversation.ShowExamplesAsync(action, ct))
        .OnUnmatchedMessage((turn, ct) => Get<FallbackConversation>(turn).ReplyAsync(turn, ct));

    public Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        _routes.RouteAsync(turn, cancellationToken);

    private static T Get<T>(ITurnContext turn)
        where T : notnull => turn.Services.GetRequiredService<T>();
}

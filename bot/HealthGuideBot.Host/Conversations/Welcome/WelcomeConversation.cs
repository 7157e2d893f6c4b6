using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Host.Conversations.Help;
using HealthGuideBot.Host.Hosting;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Host.Conversations.Welcome;

/// <summary>
/// Says hello once, when the app is installed for a user, a chat or a team (<c>installationUpdate</c> with action
/// <c>add</c>). Teams also sends a <c>conversationUpdate</c> on install; welcoming on one event only avoids saying it twice.
/// </summary>
internal sealed class WelcomeConversation
{
    private readonly HelpConversation _help;
    private readonly HealthGuideBotOptions _options;

    public WelcomeConversation(HelpConversation help, IOptions<HealthGuideBotOptions> options)
    {
        _help = help;
        _options = options.Value;
    }

    public async Task OnInstallationUpdateAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!string.Equals(turn.Activity.Action, "add", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        await turn.SendActivityAsync(
            MessageFactory.Text(
                $"Hello, I'm **HealthGuideBot** for {_options.School.Name}. I help staff with pupils' medical needs: what to do in an emergency, "
                + "what the school's policies say, healthcare plans and referrals.\n\n"
                + "**In an emergency, call 999 first** if someone is seriously ill or injured, then tell me what is happening."),
            cancellationToken);
        await turn.SendActivityAsync(MessageFactory.Card(_help.BuildMenuCard(), "What HealthGuideBot can do"), cancellationToken);
    }
}

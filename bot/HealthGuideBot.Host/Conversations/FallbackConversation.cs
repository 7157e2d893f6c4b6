using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Host.Hosting;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Host.Conversations;

/// <summary>The polite answer to a message no route understood.</summary>
internal sealed class FallbackConversation
{
    private readonly HealthGuideBotOptions _options;

    public FallbackConversation(IOptions<HealthGuideBotOptions> options) => _options = options.Value;

    public Task ReplyAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(
            MessageFactory.Text(
                "Sorry, I don't have an approved answer to that yet. Type **help** to see what I can do, "
                + $"or ask {_options.AskRole}.\n\nIf someone is seriously ill or injured, **call 999** now."),
            cancellationToken);
}

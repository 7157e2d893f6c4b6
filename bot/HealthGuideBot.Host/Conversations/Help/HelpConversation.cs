using System.Globalization;
using System.Text;
using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.BotFramework.Schema;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Host.Hosting;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Host.Conversations.Help;

/// <summary>
/// The help card: what the bot does, with a button per feature. A topic button (<c>Action.Execute</c>) replaces the
/// card in place with that topic's details and a Back button; "Show examples" (<c>Action.Submit</c>) posts example
/// questions as a new message.
/// </summary>
internal sealed class HelpConversation
{
    public const string TopicVerb = "help.topic";
    public const string MenuVerb = "help.menu";
    public const string ExamplesVerb = "help.examples";

    private static readonly string[] HelpWords = ["help", "menu", "what can you do", "what can you do?", "?", "start", "hi", "hello"];

    private readonly CardTemplateLibrary _cards;
    private readonly HealthGuideBotOptions _options;

    public HelpConversation(CardTemplateLibrary cards, IOptions<HealthGuideBotOptions> options)
    {
        _cards = cards;
        _options = options.Value;
    }

    /// <summary>True for "help" and its everyday variants.</summary>
    public static bool IsHelpRequest(string text) =>
        HelpWords.Contains(text.Trim().TrimEnd('!', '.').ToLowerInvariant(), StringComparer.Ordinal);

    public Task ShowAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        turn.SendActivityAsync(MessageFactory.Card(BuildMenuCard(), "What HealthGuideBot can do"), cancellationToken);

    /// <summary>The help card (also used by the welcome message).</summary>
    public System.Text.Json.Nodes.JsonObject BuildMenuCard() =>
        _cards.Get("help/help").Bind(new HelpCardModel(_options.School.Name, HelpTopic.All), HelpJsonContext.Default.HelpCardModel);

    public Task<AdaptiveCardInvokeResponse> ShowMenuAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(AdaptiveCardInvokeResponse.Card(BuildMenuCard()));
    }

    public Task<AdaptiveCardInvokeResponse> ShowTopicAsync(CardActionRequest action, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (HelpTopic.Find(action.GetString("topic")) is not { } topic)
        {
            return Task.FromResult(AdaptiveCardInvokeResponse.Error(400, "UnknownTopic", "I don't know that topic. Type help to see the menu again."));
        }

        var card = _cards.Get("help/help-topic").Bind(new HelpTopicCardModel(topic), HelpJsonContext.Default.HelpTopicCardModel);
        return Task.FromResult(AdaptiveCardInvokeResponse.Card(card));
    }

    public static Task<AdaptiveCardInvokeResponse> ShowExamplesAsync(CardActionRequest action, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (HelpTopic.Find(action.GetString("topic")) is not { } topic)
        {
            return Task.FromResult(AdaptiveCardInvokeResponse.Message("I don't know that topic. Type help to see the menu again."));
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**{topic.Title}**: things you can type");
        text.Append(topic.Available ? ":" : " (this part of HealthGuideBot is still being set up for your school):");
        foreach (var example in topic.Examples)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n\n- *{example}*");
        }

        return Task.FromResult(AdaptiveCardInvokeResponse.Message(text.ToString()));
    }
}

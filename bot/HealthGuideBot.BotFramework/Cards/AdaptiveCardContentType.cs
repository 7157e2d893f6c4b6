namespace HealthGuideBot.BotFramework.Cards;

/// <summary>The one place the Adaptive Card content type is spelled (a house-rule test checks this).</summary>
public static class AdaptiveCardContentType
{
    public const string Value = "application/vnd.microsoft.card.adaptive";
}

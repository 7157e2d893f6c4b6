namespace HealthGuideBot.BotFramework.Connector;

/// <summary>An access token for the Bot Connector and when it expires. <see cref="ToString"/> never shows the value.</summary>
internal sealed class BotToken
{
    public BotToken(string value, DateTimeOffset expiresOn)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
        ExpiresOn = expiresOn;
    }

    public string Value { get; }

    public DateTimeOffset ExpiresOn { get; }

    public override string ToString() => $"BotToken(expires {ExpiresOn:O})";
}

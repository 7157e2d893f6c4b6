namespace HealthGuideBot.BotFramework.Connector;

/// <summary>Why the connector client refused a call before sending anything.</summary>
public enum OutboundRefusalReason
{
    /// <summary>The <c>serviceUrl</c> is not https, not absolute, or its host is not on the outbound allow-list.</summary>
    ServiceUrlNotAllowed,

    /// <summary>The serialized activity is larger than the channel accepts (Teams: about 40 KB, 413 <c>MessageSizeTooBig</c>).</summary>
    ActivityTooLarge,
}

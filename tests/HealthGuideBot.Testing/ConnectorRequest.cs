using HealthGuideBot.BotFramework.Schema;

namespace HealthGuideBot.Testing;

/// <summary>One call received by <see cref="FakeConnectorServer"/>.</summary>
/// <param name="RawTarget">The request target exactly as sent, still percent-escaped.</param>
/// <param name="ConversationId">The unescaped conversation id from the path, when the path has one.</param>
/// <param name="ActivityId">The unescaped activity id from the path, when the path has one.</param>
/// <param name="Activity">The body as an activity, for sends, replies and updates.</param>
public sealed record ConnectorRequest(
    int Sequence,
    string Method,
    string RawTarget,
    string? ConversationId,
    string? ActivityId,
    string? Authorization,
    string Body,
    Activity? Activity,
    DateTimeOffset ReceivedAt);

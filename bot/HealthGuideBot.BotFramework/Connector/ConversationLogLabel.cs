using System.Security.Cryptography;
using System.Text;

namespace HealthGuideBot.BotFramework.Connector;

/// <summary>
/// A conversation id as it may appear in logs: a short, stable, non-reversible hash, computed only if the log
/// record is actually written (its <see cref="ToString"/> is called by the logger).
/// </summary>
internal readonly struct ConversationLogLabel
{
    private readonly string _conversationId;

    public ConversationLogLabel(string conversationId)
    {
        _conversationId = conversationId;
    }

    public override string ToString()
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(_conversationId ?? string.Empty), digest);
        return Convert.ToHexStringLower(digest[..6]);
    }
}

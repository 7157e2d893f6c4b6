namespace HealthGuideBot.Infrastructure.Dialogs;

/// <summary>The row of one active dialog: one per (channel, conversation, user).</summary>
internal sealed class DialogStateEntity
{
    public required string ChannelId { get; set; }

    public required string ConversationId { get; set; }

    public required string UserId { get; set; }

    public required string DialogId { get; set; }

    public int SchemaVersion { get; set; }

    public required string StateJson { get; set; }

    /// <summary>Optimistic-concurrency token: 1 on insert, +1 on every update.</summary>
    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

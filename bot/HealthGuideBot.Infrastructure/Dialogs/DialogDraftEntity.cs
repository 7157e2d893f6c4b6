namespace HealthGuideBot.Infrastructure.Dialogs;

/// <summary>The row of one saved draft, owned by one user.</summary>
internal sealed class DialogDraftEntity
{
    public required string DraftId { get; set; }

    public required string ChannelId { get; set; }

    public required string UserId { get; set; }

    public required string DialogId { get; set; }

    public int SchemaVersion { get; set; }

    public required string StateJson { get; set; }

    public required string Label { get; set; }

    public required string OriginConversationId { get; set; }

    public DateTimeOffset SavedAt { get; set; }
}

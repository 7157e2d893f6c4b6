namespace HealthGuideBot.Infrastructure.Proactive;

/// <summary>The row of one conversation's reference, with its lookup keys beside the JSON.</summary>
internal sealed class ConversationReferenceEntity
{
    public required string ChannelId { get; set; }

    public required string ConversationId { get; set; }

    /// <summary>The <c>ConversationReference</c> as the protocol's source-generated JSON.</summary>
    public required string ReferenceJson { get; set; }

    public string? TenantId { get; set; }

    /// <summary>The user of the last turn: <c>aadObjectId</c>, else <c>id</c>.</summary>
    public string? UserId { get; set; }

    public bool IsPersonal { get; set; }

    public bool IsActive { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

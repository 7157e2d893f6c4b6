namespace HealthGuideBot.Infrastructure.Persistence;

/// <summary>Column lengths, shared by every provider (PostgreSQL enforces them; SQLite documents them).</summary>
internal static class StorageLimits
{
    public const int ChannelId = 64;

    /// <summary>Teams conversation ids run to a few hundred characters (<c>19:…@thread.v2;messageid=…</c>).</summary>
    public const int ConversationId = 512;

    public const int UserId = 256;
    public const int TenantId = 64;
    public const int DialogId = 128;
    public const int DraftId = 64;
    public const int DraftLabel = 200;
    public const int AuditAction = 64;
    public const int AuditRecordType = 64;
    public const int AuditIdentifier = 256;
    public const int AuditEnum = 16;
    public const int Sha256Hex = 64;
    public const int FilingKey = 256;
    public const int PlanId = 64;
    public const int SubmissionId = 128;
}

using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthGuideBot.Infrastructure.Audit;

/// <summary>
/// The provider-neutral mapping of the audit trail. The triggers that make the table append-only are
/// provider-specific SQL in each provider's first migration; they are declared here so EF never relies on
/// statements (such as RETURNING) that triggers can break.
/// </summary>
internal sealed class AuditEntryEntityTypeConfiguration : IEntityTypeConfiguration<AuditEntryEntity>
{
    public const string TableName = "audit_entries";
    public const string NoUpdateTrigger = "audit_entries_no_update";
    public const string NoDeleteTrigger = "audit_entries_no_delete";

    public void Configure(EntityTypeBuilder<AuditEntryEntity> builder)
    {
        builder.ToTable(TableName, table =>
        {
            table.HasTrigger(NoUpdateTrigger);
            table.HasTrigger(NoDeleteTrigger);
        });
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ActorId).HasMaxLength(StorageLimits.AuditIdentifier);
        builder.Property(e => e.ActorRole).HasMaxLength(StorageLimits.AuditEnum);
        builder.Property(e => e.Action).HasMaxLength(StorageLimits.AuditAction);
        builder.Property(e => e.RecordType).HasMaxLength(StorageLimits.AuditRecordType);
        builder.Property(e => e.RecordId).HasMaxLength(StorageLimits.AuditIdentifier);
        builder.Property(e => e.ConversationId).HasMaxLength(StorageLimits.AuditIdentifier);
        builder.Property(e => e.Outcome).HasMaxLength(StorageLimits.AuditEnum);
        builder.Property(e => e.CorrelationId).HasMaxLength(StorageLimits.AuditIdentifier);
        builder.Property(e => e.Hash).HasMaxLength(StorageLimits.Sha256Hex).IsFixedLength();
        builder.HasIndex(e => new { e.RecordType, e.RecordId });
        builder.HasIndex(e => e.ActorId);
        builder.HasIndex(e => e.OccurredAt);
    }
}

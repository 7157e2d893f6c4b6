using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthGuideBot.Infrastructure.Filing;

/// <summary>The provider-neutral mapping of the filing outbox.</summary>
internal sealed class OutboxMessageEntityTypeConfiguration : IEntityTypeConfiguration<OutboxMessageEntity>
{
    public void Configure(EntityTypeBuilder<OutboxMessageEntity> builder)
    {
        builder.ToTable("filing_outbox");
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(StorageLimits.FilingKey);
        builder.Property(e => e.Target).HasConversion<string>().HasMaxLength(StorageLimits.AuditEnum);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(StorageLimits.AuditEnum);
        builder.Property(e => e.RecordType).HasMaxLength(StorageLimits.AuditRecordType);
        builder.Property(e => e.RecordId).HasMaxLength(StorageLimits.AuditIdentifier);
        builder.Property(e => e.Destination).HasMaxLength(200);
        builder.Property(e => e.FileName).HasMaxLength(200);
        builder.Property(e => e.ContentType).HasMaxLength(128);
        builder.Property(e => e.MailTo).HasMaxLength(320);
        builder.Property(e => e.MailSubject).HasMaxLength(400);
        builder.Property(e => e.Link).HasMaxLength(2048);
        builder.Property(e => e.LastError).HasMaxLength(400);
        builder.Property(e => e.LeaseOwner).HasMaxLength(128);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.State, e.NextAttemptAt });
        builder.HasIndex(e => new { e.RecordType, e.RecordId });
    }
}

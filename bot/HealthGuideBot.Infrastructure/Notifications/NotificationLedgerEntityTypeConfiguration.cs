using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthGuideBot.Infrastructure.Notifications;

/// <summary>The provider-neutral mapping of the notification ledger: the key is the primary key, so unique.</summary>
internal sealed class NotificationLedgerEntityTypeConfiguration : IEntityTypeConfiguration<NotificationLedgerEntity>
{
    public void Configure(EntityTypeBuilder<NotificationLedgerEntity> builder)
    {
        builder.ToTable("notification_ledger");
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(StorageLimits.FilingKey);
        builder.Property(e => e.UserId).HasMaxLength(StorageLimits.UserId);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(StorageLimits.AuditEnum);
        builder.Property(e => e.ConversationId).HasMaxLength(StorageLimits.ConversationId);
        builder.Property(e => e.ActivityId).HasMaxLength(StorageLimits.AuditIdentifier);
    }
}

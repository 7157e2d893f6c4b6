using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthGuideBot.Infrastructure.Proactive;

/// <summary>The provider-neutral mapping of conversation references.</summary>
internal sealed class ConversationReferenceEntityTypeConfiguration : IEntityTypeConfiguration<ConversationReferenceEntity>
{
    public void Configure(EntityTypeBuilder<ConversationReferenceEntity> builder)
    {
        builder.ToTable("conversation_references");
        builder.HasKey(e => new { e.ChannelId, e.ConversationId });
        builder.Property(e => e.ChannelId).HasMaxLength(StorageLimits.ChannelId);
        builder.Property(e => e.ConversationId).HasMaxLength(StorageLimits.ConversationId);
        builder.Property(e => e.TenantId).HasMaxLength(StorageLimits.TenantId);
        builder.Property(e => e.UserId).HasMaxLength(StorageLimits.UserId);
        builder.HasIndex(e => new { e.TenantId, e.UserId, e.IsPersonal, e.IsActive });
    }
}

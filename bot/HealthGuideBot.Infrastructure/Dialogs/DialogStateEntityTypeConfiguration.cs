using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthGuideBot.Infrastructure.Dialogs;

/// <summary>The provider-neutral mapping of active dialog state.</summary>
internal sealed class DialogStateEntityTypeConfiguration : IEntityTypeConfiguration<DialogStateEntity>
{
    public void Configure(EntityTypeBuilder<DialogStateEntity> builder)
    {
        builder.ToTable("dialog_states");
        builder.HasKey(e => new { e.ChannelId, e.ConversationId, e.UserId });
        builder.Property(e => e.ChannelId).HasMaxLength(StorageLimits.ChannelId);
        builder.Property(e => e.ConversationId).HasMaxLength(StorageLimits.ConversationId);
        builder.Property(e => e.UserId).HasMaxLength(StorageLimits.UserId);
        builder.Property(e => e.DialogId).HasMaxLength(StorageLimits.DialogId);
        builder.Property(e => e.StateJson);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}

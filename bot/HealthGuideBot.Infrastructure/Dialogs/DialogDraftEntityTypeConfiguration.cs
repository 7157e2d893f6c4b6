using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthGuideBot.Infrastructure.Dialogs;

/// <summary>The provider-neutral mapping of drafts: looked up by owner, never by conversation.</summary>
internal sealed class DialogDraftEntityTypeConfiguration : IEntityTypeConfiguration<DialogDraftEntity>
{
    public void Configure(EntityTypeBuilder<DialogDraftEntity> builder)
    {
        builder.ToTable("dialog_drafts");
        builder.HasKey(e => e.DraftId);
        builder.Property(e => e.DraftId).HasMaxLength(StorageLimits.DraftId);
        builder.Property(e => e.ChannelId).HasMaxLength(StorageLimits.ChannelId);
        builder.Property(e => e.UserId).HasMaxLength(StorageLimits.UserId);
        builder.Property(e => e.DialogId).HasMaxLength(StorageLimits.DialogId);
        builder.Property(e => e.Label).HasMaxLength(StorageLimits.DraftLabel);
        builder.Property(e => e.OriginConversationId).HasMaxLength(StorageLimits.ConversationId);
        builder.HasIndex(e => new { e.ChannelId, e.UserId, e.SavedAt });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthGuideBot.Infrastructure.Feedback;

/// <summary>The provider-neutral mapping of answer feedback.</summary>
internal sealed class AnswerFeedbackEntityTypeConfiguration : IEntityTypeConfiguration<AnswerFeedbackEntity>
{
    public void Configure(EntityTypeBuilder<AnswerFeedbackEntity> builder)
    {
        builder.ToTable("answer_feedback");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.DocumentId).HasMaxLength(128);
        builder.Property(e => e.RedactedQuestion).HasMaxLength(320);
        builder.HasIndex(e => e.At);
    }
}

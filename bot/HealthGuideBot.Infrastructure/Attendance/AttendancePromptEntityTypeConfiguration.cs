using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthGuideBot.Infrastructure.Attendance;

/// <summary>The provider-neutral mapping of the attendance prompt ledger.</summary>
internal sealed class AttendancePromptEntityTypeConfiguration : IEntityTypeConfiguration<AttendancePromptEntity>
{
    public void Configure(EntityTypeBuilder<AttendancePromptEntity> builder)
    {
        builder.ToTable("attendance_prompts");
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(AttendanceLimits.PromptKey);
        builder.Property(e => e.PupilId).HasMaxLength(AttendanceLimits.PupilId);
        builder.Property(e => e.TermId).HasMaxLength(AttendanceLimits.TermId);
        builder.HasIndex(e => new { e.PupilId, e.TermId });
    }
}

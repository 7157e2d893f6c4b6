using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthGuideBot.Infrastructure.Attendance;

/// <summary>The provider-neutral mapping of health-related absence sessions.</summary>
internal sealed class HealthAbsenceEntityTypeConfiguration : IEntityTypeConfiguration<HealthAbsenceEntity>
{
    public void Configure(EntityTypeBuilder<HealthAbsenceEntity> builder)
    {
        builder.ToTable("health_absences");
        builder.HasKey(e => new { e.PupilId, e.Date, e.Session });
        builder.Property(e => e.PupilId).HasMaxLength(AttendanceLimits.PupilId);
        builder.Property(e => e.Session).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Code).HasMaxLength(AttendanceLimits.Code);
        builder.HasIndex(e => e.Date);
    }
}

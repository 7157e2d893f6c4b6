using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthGuideBot.Infrastructure.Referrals;

/// <summary>The provider-neutral mapping of submitted referrals.</summary>
internal sealed class ReferralEntityTypeConfiguration : IEntityTypeConfiguration<ReferralEntity>
{
    public void Configure(EntityTypeBuilder<ReferralEntity> builder)
    {
        builder.ToTable("referrals");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(StorageLimits.AuditIdentifier);
        builder.Property(e => e.Reference).HasMaxLength(32);
        builder.HasIndex(e => e.Reference).IsUnique();
        builder.HasIndex(e => new { e.Year, e.Sequence }).IsUnique();
        builder.Property(e => e.ServiceId).HasMaxLength(64);
        builder.Property(e => e.ServiceName).HasMaxLength(200);
        builder.Property(e => e.PupilId).HasMaxLength(StorageLimits.AuditIdentifier);
        builder.Property(e => e.PupilName).HasMaxLength(200);
        builder.Property(e => e.ClassName).HasMaxLength(64);
        builder.Property(e => e.Status).HasMaxLength(StorageLimits.AuditEnum);
        builder.Property(e => e.SubmittedByUserId).HasMaxLength(StorageLimits.UserId);
        builder.HasIndex(e => new { e.SubmittedByUserId, e.SubmittedAt });
        builder.HasIndex(e => e.PupilId);
    }
}

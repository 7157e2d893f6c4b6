using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthGuideBot.Infrastructure.HealthcarePlans;

/// <summary>The provider-neutral mapping of plan versions.</summary>
internal sealed class HealthcarePlanVersionEntityTypeConfiguration : IEntityTypeConfiguration<HealthcarePlanVersionEntity>
{
    public void Configure(EntityTypeBuilder<HealthcarePlanVersionEntity> builder)
    {
        builder.ToTable("healthcare_plan_versions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.PlanId).HasMaxLength(StorageLimits.PlanId);
        builder.Property(e => e.PupilId).HasMaxLength(StorageLimits.AuditIdentifier);
        builder.Property(e => e.CreatedByUserId).HasMaxLength(StorageLimits.UserId);
        builder.Property(e => e.SubmissionId).HasMaxLength(StorageLimits.SubmissionId);
        builder.HasIndex(e => new { e.PlanId, e.Version }).IsUnique();
        builder.HasIndex(e => e.SubmissionId).IsUnique();
        builder.HasIndex(e => e.PupilId);
        builder.HasIndex(e => e.ReviewDate);
    }
}

/// <summary>The provider-neutral mapping of plan acknowledgements.</summary>
internal sealed class PlanAcknowledgementEntityTypeConfiguration : IEntityTypeConfiguration<PlanAcknowledgementEntity>
{
    public void Configure(EntityTypeBuilder<PlanAcknowledgementEntity> builder)
    {
        builder.ToTable("healthcare_plan_acknowledgements");
        builder.HasKey(e => new { e.PlanId, e.Version, e.UserId });
        builder.Property(e => e.PlanId).HasMaxLength(StorageLimits.PlanId);
        builder.Property(e => e.UserId).HasMaxLength(StorageLimits.UserId);
    }
}

using HealthGuideBot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HealthGuideBot.Infrastructure.Reviews;

/// <summary>The provider-neutral mapping of the review schedule.</summary>
internal sealed class PlanReviewScheduleEntityTypeConfiguration : IEntityTypeConfiguration<PlanReviewScheduleEntity>
{
    public void Configure(EntityTypeBuilder<PlanReviewScheduleEntity> builder)
    {
        builder.ToTable("plan_review_schedule");
        builder.HasKey(e => e.PlanId);
        builder.Property(e => e.PlanId).HasMaxLength(StorageLimits.AuditIdentifier);
        builder.Property(e => e.PupilId).HasMaxLength(StorageLimits.AuditIdentifier);
        builder.Property(e => e.ResponsibleNurseUserId).HasMaxLength(StorageLimits.UserId);
        builder.HasIndex(e => e.DueDate);
    }
}

using HealthGuideBot.Infrastructure.Attendance;
using HealthGuideBot.Infrastructure.Audit;
using HealthGuideBot.Infrastructure.Dialogs;
using HealthGuideBot.Infrastructure.Feedback;
using HealthGuideBot.Infrastructure.Filing;
using HealthGuideBot.Infrastructure.HealthcarePlans;
using HealthGuideBot.Infrastructure.Notifications;
using HealthGuideBot.Infrastructure.Proactive;
using HealthGuideBot.Infrastructure.Reviews;
using Microsoft.EntityFrameworkCore;

namespace HealthGuideBot.Infrastructure.Persistence;

/// <summary>
/// The bot's database, with a provider-neutral model. Each provider has a derived context with its own conventions
/// and its own migrations folder (EF Core "Migrations with multiple providers"): <see cref="SqliteHealthGuideDbContext"/>
/// today, a PostgreSQL one later. Stores depend on this base type only.
/// </summary>
internal abstract class HealthGuideDbContext : DbContext
{
    protected HealthGuideDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<DialogStateEntity> DialogStates => Set<DialogStateEntity>();

    public DbSet<DialogDraftEntity> DialogDrafts => Set<DialogDraftEntity>();

    public DbSet<ConversationReferenceEntity> ConversationReferences => Set<ConversationReferenceEntity>();

    public DbSet<AuditEntryEntity> AuditEntries => Set<AuditEntryEntity>();

    public DbSet<AnswerFeedbackEntity> AnswerFeedback => Set<AnswerFeedbackEntity>();

    public DbSet<OutboxMessageEntity> Outbox => Set<OutboxMessageEntity>();

    public DbSet<HealthcarePlanVersionEntity> HealthcarePlanVersions => Set<HealthcarePlanVersionEntity>();

    public DbSet<PlanAcknowledgementEntity> PlanAcknowledgements => Set<PlanAcknowledgementEntity>();

    public DbSet<HealthAbsenceEntity> HealthAbsences => Set<HealthAbsenceEntity>();

    public DbSet<AttendancePromptEntity> AttendancePrompts => Set<AttendancePromptEntity>();

    public DbSet<PlanReviewScheduleEntity> PlanReviewSchedules => Set<PlanReviewScheduleEntity>();

    public DbSet<NotificationLedgerEntity> NotificationLedger => Set<NotificationLedgerEntity>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new DialogStateEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new DialogDraftEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ConversationReferenceEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEntryEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new AnswerFeedbackEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxMessageEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new HealthcarePlanVersionEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new PlanAcknowledgementEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new HealthAbsenceEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new AttendancePromptEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new PlanReviewScheduleEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new NotificationLedgerEntityTypeConfiguration());
    }

    /// <summary>The audit trail is append-only in the application too, not only in the database (security.md 79).</summary>
    private void RefuseAuditChanges()
    {
        foreach (var entry in ChangeTracker.Entries<AuditEntryEntity>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Audit entries are append-only: they can be added, never changed or removed.");
            }
        }
    }
}

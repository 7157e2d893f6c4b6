using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HealthGuideBot.Infrastructure.Filing;

/// <summary>Signals the dispatcher after a save that committed new outbox rows (the transactional outbox's wake-up).</summary>
internal sealed class OutboxSavedChangesInterceptor : SaveChangesInterceptor
{
    private readonly OutboxSignal _signal;
    private readonly ConditionalWeakTable<DbContext, object> _adding = [];

    public OutboxSavedChangesInterceptor(OutboxSignal signal) => _signal = signal;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Signal(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessageEntity>().Any(e => e.State == EntityState.Added))
        {
            _adding.AddOrUpdate(context, context);
        }
    }

    private void Signal(DbContext? context)
    {
        if (context is not null && _adding.Remove(context))
        {
            _signal.Notify();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _adding.Remove(context);
        }
    }
}

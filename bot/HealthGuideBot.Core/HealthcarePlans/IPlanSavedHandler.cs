namespace HealthGuideBot.Core.HealthcarePlans;

/// <summary>
/// Runs after a plan version is saved (by whoever saved it: the plan form, a review). Every registered handler is
/// called in turn with the version as stored; for example, asking the pupil's teachers to acknowledge it.
/// Handlers must be safe to call twice for the same version (a retried submit).
/// </summary>
public interface IPlanSavedHandler
{
    Task OnPlanSavedAsync(HealthcarePlan plan, CancellationToken cancellationToken);
}

using HealthGuideBot.Core.Filing;

namespace HealthGuideBot.Core.HealthcarePlans;

/// <summary>
/// Versioned plans. Callers pass the access gate (<see cref="Access.PupilRecordGate"/>) before calling; the store
/// itself only keeps data. Saves are idempotent on <c>submissionId</c> (a double-clicked Submit or a retried invoke
/// returns the first save's version instead of creating a second plan).
/// </summary>
public interface IHealthcarePlanStore
{
    /// <summary>
    /// Saves <paramref name="plan"/> as the next version (its <see cref="HealthcarePlan.Version"/> is assigned by the
    /// store) together with <paramref name="filings"/> in one transaction. When <paramref name="submissionId"/> was
    /// saved before, nothing is written and the earlier version is returned.
    /// </summary>
    Task<HealthcarePlan> SaveVersionAsync(HealthcarePlan plan, string submissionId, Func<HealthcarePlan, IReadOnlyList<FilingRequest>> filings, CancellationToken cancellationToken);

    /// <summary>The newest version of the plan, or null.</summary>
    Task<HealthcarePlan?> GetCurrentAsync(string planId, CancellationToken cancellationToken);

    /// <summary>A specific version, or null.</summary>
    Task<HealthcarePlan?> GetVersionAsync(string planId, int version, CancellationToken cancellationToken);

    /// <summary>The newest version of the pupil's current plan, or null when the pupil has none.</summary>
    Task<HealthcarePlan?> GetCurrentForPupilAsync(string pupilId, CancellationToken cancellationToken);

    /// <summary>Records that a member of staff has read and acknowledged a version; repeating is harmless.</summary>
    Task AcknowledgeAsync(string planId, int version, string userId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="userId"/> has acknowledged that version.</summary>
    Task<bool> HasAcknowledgedAsync(string planId, int version, string userId, CancellationToken cancellationToken);
}

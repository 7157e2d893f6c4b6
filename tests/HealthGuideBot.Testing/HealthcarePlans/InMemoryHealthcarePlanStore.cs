using System.Collections.Concurrent;
using HealthGuideBot.Core.Filing;
using HealthGuideBot.Core.HealthcarePlans;

namespace HealthGuideBot.Testing.HealthcarePlans;

/// <summary>
/// <see cref="IHealthcarePlanStore"/> in memory, for tests: versions numbered by the store, saves idempotent on the
/// submission id, acknowledgements kept once (the first time wins). Filings are recorded so tests can check them.
/// </summary>
public sealed class InMemoryHealthcarePlanStore : IHealthcarePlanStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<HealthcarePlan>> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HealthcarePlan> _submissions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string PlanId, int Version, string UserId), DateTimeOffset> _acknowledgements = new();

    /// <summary>Every filing request saved with a version, in order.</summary>
    public ConcurrentQueue<FilingRequest> Filings { get; } = new();

    /// <summary>Every acknowledgement recorded (once per plan, version and user).</summary>
    public IReadOnlyDictionary<(string PlanId, int Version, string UserId), DateTimeOffset> Acknowledgements => _acknowledgements;

    /// <summary>How many times <see cref="AcknowledgeAsync"/> was called (including repeats).</summary>
    public int AcknowledgeCalls => _acknowledgeCalls;

    private int _acknowledgeCalls;

    /// <summary>Adds a version as given (its number kept), for arranging tests.</summary>
    public HealthcarePlan Seed(HealthcarePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (_gate)
        {
            Versions(plan.PlanId).Add(plan);
        }

        return plan;
    }

    public Task<HealthcarePlan> SaveVersionAsync(HealthcarePlan plan, string submissionId, Func<HealthcarePlan, IReadOnlyList<FilingRequest>> filings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(filings);
        lock (_gate)
        {
            if (_submissions.TryGetValue(submissionId, out var earlier))
            {
                return Task.FromResult(earlier);
            }

            var versions = Versions(plan.PlanId);
            var saved = plan with { Version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1 };
            versions.Add(saved);
            _submissions[submissionId] = saved;
            foreach (var filing in filings(saved))
            {
                Filings.Enqueue(filing);
            }

            return Task.FromResult(saved);
        }
    }

    public Task<HealthcarePlan?> GetCurrentAsync(string planId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_versions.TryGetValue(planId, out var versions) ? versions.MaxBy(v => v.Version) : null);
        }
    }

    public Task<HealthcarePlan?> GetVersionAsync(string planId, int version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_versions.TryGetValue(planId, out var versions) ? versions.FirstOrDefault(v => v.Version == version) : null);
        }
    }

    public Task<HealthcarePlan?> GetCurrentForPupilAsync(string pupilId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_versions.Values.SelectMany(v => v).Where(p => p.PupilId == pupilId).MaxBy(p => (p.CreatedAt, p.Version)));
        }
    }

    public Task AcknowledgeAsync(string planId, int version, string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _acknowledgeCalls);
        _acknowledgements.TryAdd((planId, version, userId), at);
        return Task.CompletedTask;
    }

    public Task<bool> HasAcknowledgedAsync(string planId, int version, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_acknowledgements.ContainsKey((planId, version, userId)));

    private List<HealthcarePlan> Versions(string planId)
    {
        if (!_versions.TryGetValue(planId, out var versions))
        {
            versions = [];
            _versions[planId] = versions;
        }

        return versions;
    }
}

using HealthGuideBot.Core.Pupils;

namespace HealthGuideBot.Core.Access;

/// <summary>
/// The one door to a pupil's records: looks the user up, asks the <see cref="IAccessPolicy"/>, and writes the audit
/// entry (allowed or denied) before the caller touches the record. Every plan and referral read or write goes through
/// here (security.md 72–74, 79).
/// </summary>
public sealed class PupilRecordGate
{
    private readonly IStaffDirectory _staff;
    private readonly IAccessPolicy _policy;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _timeProvider;

    public PupilRecordGate(IStaffDirectory staff, IAccessPolicy policy, IAuditLog audit, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _staff = staff;
        _policy = policy;
        _audit = audit;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Decides and audits <paramref name="request"/>. The caller must stop when <see cref="GateResult.IsAllowed"/> is
    /// false and tell the user nothing about the pupil's records.
    /// </summary>
    public async Task<GateResult> CheckAsync(RecordAccessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var staff = string.IsNullOrEmpty(request.UserId) ? null : await _staff.FindAsync(request.UserId, cancellationToken);
        var decision = _policy.Decide(staff, request.Action, request.Pupil);
        await _audit.AppendAsync(
            new AuditEntry(
                string.IsNullOrEmpty(request.UserId) ? "unknown" : request.UserId,
                decision.Role,
                request.AuditAction,
                request.RecordType,
                request.RecordId ?? request.Pupil.Id,
                _timeProvider.GetUtcNow(),
                request.ConversationId,
                decision.IsAllowed ? AuditOutcome.Allowed : AuditOutcome.Denied,
                request.CorrelationId),
            cancellationToken);
        return new GateResult(decision, staff);
    }
}

/// <summary>One attempt to use a pupil's record.</summary>
/// <param name="UserId">The Entra object id of the user (<c>from.aadObjectId</c>).</param>
/// <param name="Action">What the policy is asked.</param>
/// <param name="Pupil">Whose record.</param>
/// <param name="AuditAction">The audit verb, for example <c>plan.read</c>, <c>plan.create</c>, <c>referral.submit</c>.</param>
/// <param name="RecordType">The audit record type: <c>plan</c>, <c>referral</c>.</param>
/// <param name="RecordId">The record's id; the pupil's id when there is no record yet.</param>
/// <param name="ConversationId">The Teams conversation, when the request came from one.</param>
/// <param name="CorrelationId">The turn's activity id.</param>
public sealed record RecordAccessRequest(
    string? UserId,
    PupilRecordAction Action,
    Pupil Pupil,
    string AuditAction,
    string RecordType,
    string? RecordId,
    string? ConversationId,
    string? CorrelationId);

/// <summary>The decision and the member of staff it was made for (null when the user is unknown).</summary>
public sealed record GateResult(AccessDecision Decision, StaffMember? Staff)
{
    public bool IsAllowed => Decision.IsAllowed;
}

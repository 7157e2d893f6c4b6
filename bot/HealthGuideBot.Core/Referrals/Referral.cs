using HealthGuideBot.Core.Filing;

namespace HealthGuideBot.Core.Referrals;

/// <summary>
/// A submitted referral. <see cref="ReferralId"/> is opaque and fixed when the form starts; the human-friendly
/// <see cref="Reference"/> (REF-2026-000123) is assigned by the store on first submission and never changes.
/// </summary>
public sealed record Referral
{
    public required string ReferralId { get; init; }

    /// <summary>Assigned by the store; empty until submitted.</summary>
    public string Reference { get; init; } = string.Empty;

    public required string ServiceId { get; init; }

    public required string ServiceName { get; init; }

    public required string PupilId { get; init; }

    public required string PupilName { get; init; }

    public required string ClassName { get; init; }

    /// <summary>The answers in form order, as they read back (labels and display values), grouped by section.</summary>
    public required IReadOnlyList<ReferralAnswer> Answers { get; init; }

    /// <summary>An answer revealed a risk of harm; the referrer was given the safeguarding route.</summary>
    public bool RiskIndicated { get; init; }

    public ReferralStatus Status { get; init; } = ReferralStatus.Submitted;

    /// <summary>Starts at 1; raised if a submitted referral is ever amended.</summary>
    public int Version { get; init; } = 1;

    public required string SubmittedByUserId { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }
}

/// <summary>One answer as it reads back.</summary>
/// <param name="QuestionId">The question's id.</param>
/// <param name="Section">The section title.</param>
/// <param name="Label">The question's short label.</param>
/// <param name="Value">The answer as staff read it ("14 March 2026", "Yes").</param>
/// <param name="Prefilled">Taken from the healthcare plan, the roster or attendance rather than typed.</param>
public sealed record ReferralAnswer(string QuestionId, string Section, string Label, string Value, bool Prefilled);

public enum ReferralStatus
{
    /// <summary>Saved with its filings queued in the outbox.</summary>
    Submitted,
}

/// <summary>What <see cref="IReferralStore.SubmitAsync"/> did.</summary>
/// <param name="Referral">The referral as stored, with its reference.</param>
/// <param name="Created">False when this referral had already been submitted (a double click or a retried turn).</param>
public sealed record ReferralSubmission(Referral Referral, bool Created);

/// <summary>
/// Submitted referrals. Callers pass <see cref="Access.PupilRecordGate"/> first; the store only keeps data.
/// </summary>
public interface IReferralStore
{
    /// <summary>
    /// Saves <paramref name="referral"/> with a new reference and its <paramref name="filings"/> (built from the
    /// referral as stored, reference included) in one transaction. When a referral with the same id exists, nothing
    /// is written and the stored one is returned with <see cref="ReferralSubmission.Created"/> false.
    /// </summary>
    Task<ReferralSubmission> SubmitAsync(Referral referral, Func<Referral, IReadOnlyList<FilingRequest>> filings, CancellationToken cancellationToken);

    Task<Referral?> FindAsync(string referralId, CancellationToken cancellationToken);

    /// <summary>The referrals <paramref name="userId"/> submitted, newest first.</summary>
    Task<IReadOnlyList<Referral>> ListSubmittedByAsync(string userId, int limit, CancellationToken cancellationToken);
}

/// <summary>Builds the referral document (.docx) that is filed and emailed to the service.</summary>
public interface IReferralDocuments
{
    byte[] BuildDocument(Referral referral);
}

using System.Text.RegularExpressions;
using HealthGuideBot.BotFramework.Turns;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Pupils;

namespace HealthGuideBot.Host.Conversations.Referrals;

/// <summary>
/// The referral's door to pupil records: every start, saved step, submission and status read goes through
/// <see cref="PupilRecordGate"/> (which audits allowed and denied), with identifiers only.
/// </summary>
internal static partial class ReferralAccess
{
    public const string RecordType = "referral";
    public const string StartAction = "referral.start";
    public const string UpdateAction = "referral.update";
    public const string SubmitAction = "referral.submit";
    public const string ReadAction = "referral.read";
    public const string RiskAction = "referral.risk";

    /// <summary>Only these roles may refer (PupilAccessPolicy decides; this is for the message).</summary>
    public const string WhoMayRefer = "the SENCO, the designated safeguarding lead, the school nurse or an administrator";

    public static string UserId(ITurnContext turn) => StaffIdentity.UserIdOf(turn) ?? string.Empty;

    public static Task<GateResult> CheckAsync(ITurnContext turn, PupilRecordAction action, Pupil pupil, string auditAction, string referralId, CancellationToken cancellationToken) =>
        turn.Services.GetRequiredService<PupilRecordGate>().CheckAsync(
            new RecordAccessRequest(
                UserId(turn),
                action,
                pupil,
                auditAction,
                RecordType,
                AuditSafe(referralId),
                AuditSafe(turn.Activity.Conversation?.Id),
                AuditSafe(turn.TurnId)),
            cancellationToken);

    /// <summary>
    /// Refuses a user who holds no referring role before any pupil is named, and audits the refusal (no record id:
    /// no pupil was touched). True when the user may go on.
    /// </summary>
    public static async Task<bool> MayReferAtAllAsync(ITurnContext turn, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var userId = UserId(turn);
        var staff = userId.Length == 0 ? null : await turn.Services.GetRequiredService<IStaffDirectory>().FindAsync(userId, cancellationToken);
        if (staff is not null && staff.HasAnyRole(StaffRole.Senco, StaffRole.Dsl, StaffRole.Nurse, StaffRole.Admin))
        {
            return true;
        }

        await turn.Services.GetRequiredService<IAuditLog>().AppendAsync(
            new AuditEntry(
                AuditSafe(userId) ?? "unknown",
                staff is null || staff.Roles.Count == 0 ? null : staff.Roles.Min(),
                StartAction,
                RecordType,
                null,
                timeProvider.GetUtcNow(),
                AuditSafe(turn.Activity.Conversation?.Id),
                AuditOutcome.Denied,
                AuditSafe(turn.TurnId)),
            cancellationToken);
        return false;
    }

    public static string Refusal => $"Only {WhoMayRefer} can make referrals. If you are worried about a pupil, speak to one of them.";

    /// <summary>An identifier the audit trail accepts, or null (never free text).</summary>
    public static string? AuditSafe(string? identifier) =>
        identifier is not null && Identifier().IsMatch(identifier) ? identifier : null;

    [GeneratedRegex("^[A-Za-z0-9._:@;=-]{1,256}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}

using System.Text.RegularExpressions;

namespace HealthGuideBot.Core.Access;

/// <summary>
/// One audited action: who, what, when, where, and how it ended (security.md 79). Identifiers only: no names, no
/// message text, no health data. Every field is checked on construction, so text with spaces, newlines or control
/// characters cannot reach the audit trail (security.md 81).
/// </summary>
public sealed partial record AuditEntry
{
    /// <param name="actorId">The staff member's Entra object id (<c>aadObjectId</c>).</param>
    /// <param name="actorRole">The role the access decision used, or null when the user has none.</param>
    /// <param name="action">A dotted lower-case verb, for example <c>plan.read</c> or <c>referral.create</c>.</param>
    /// <param name="recordType">The kind of record, for example <c>plan</c> or <c>referral</c>.</param>
    /// <param name="recordId">The record's opaque id, when the action concerns one record.</param>
    /// <param name="occurredAt">When, in UTC, from the injected <see cref="TimeProvider"/>.</param>
    /// <param name="conversationId">The conversation the action came from, when it came from one.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="correlationId">The turn id or other correlation id, to join with the logs.</param>
    public AuditEntry(
        string actorId,
        StaffRole? actorRole,
        string action,
        string recordType,
        string? recordId,
        DateTimeOffset occurredAt,
        string? conversationId,
        AuditOutcome outcome,
        string? correlationId)
    {
        ActorId = RequireIdentifier(actorId, nameof(actorId));
        ActorRole = actorRole is { } role && !Enum.IsDefined(role)
            ? throw new ArgumentOutOfRangeException(nameof(actorRole), role, "Unknown staff role.")
            : actorRole;
        Action = ActionPattern().IsMatch(action ?? string.Empty)
            ? action!
            : throw new ArgumentException("An audit action is a dotted lower-case verb such as 'plan.read'.", nameof(action));
        RecordType = RecordTypePattern().IsMatch(recordType ?? string.Empty)
            ? recordType!
            : throw new ArgumentException("An audit record type is a lower-case word such as 'plan'.", nameof(recordType));
        RecordId = recordId is null ? null : RequireIdentifier(recordId, nameof(recordId));
        OccurredAt = occurredAt.Offset == TimeSpan.Zero
            ? occurredAt
            : throw new ArgumentException("Audit times are UTC: use TimeProvider.GetUtcNow().", nameof(occurredAt));
        ConversationId = conversationId is null ? null : RequireIdentifier(conversationId, nameof(conversationId));
        Outcome = Enum.IsDefined(outcome) ? outcome : throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome.");
        CorrelationId = correlationId is null ? null : RequireIdentifier(correlationId, nameof(correlationId));
    }

    public string ActorId { get; }

    public StaffRole? ActorRole { get; }

    public string Action { get; }

    public string RecordType { get; }

    public string? RecordId { get; }

    public DateTimeOffset OccurredAt { get; }

    public string? ConversationId { get; }

    public AuditOutcome Outcome { get; }

    public string? CorrelationId { get; }

    private static string RequireIdentifier(string value, string parameterName) =>
        IdentifierPattern().IsMatch(value ?? string.Empty)
            ? value!
            : throw new ArgumentException(
                "Audit identifiers are 1-256 characters of letters, digits and . _ : @ ; = - (Teams ids and GUIDs); never names or free text.",
                parameterName);

    [GeneratedRegex("^[a-z][a-z0-9]*(\\.[a-z][a-z0-9-]*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ActionPattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex RecordTypePattern();

    [GeneratedRegex("^[A-Za-z0-9._:@;=-]{1,256}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}

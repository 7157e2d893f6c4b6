namespace HealthGuideBot.Core.Access;

/// <summary>An audit entry as stored: its place in the append-only sequence and its chain hash.</summary>
/// <param name="Sequence">1, 2, 3… in append order, without gaps.</param>
/// <param name="Entry">The entry.</param>
/// <param name="Hash">Hex SHA-256 of the previous record's hash and this record's canonical content.</param>
public sealed record AuditRecord(long Sequence, AuditEntry Entry, string Hash);

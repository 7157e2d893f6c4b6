namespace HealthGuideBot.Core.Pupils;

/// <summary>
/// A pupil as the school's roster (management information system or the local roster file) knows them. Identifiers
/// only travel into logs and the audit trail; names never do.
/// </summary>
/// <param name="Id">The roster's opaque id for the pupil (for example the MIS id or UPN-derived key). Audit-safe.</param>
/// <param name="Name">The pupil's name as staff know it.</param>
/// <param name="ClassName">Class, group or form, for example <c>5B</c>; decides which teachers are entitled.</param>
/// <param name="DateOfBirth">Date of birth when the roster holds it.</param>
public sealed record Pupil(string Id, string Name, string ClassName, DateOnly? DateOfBirth);

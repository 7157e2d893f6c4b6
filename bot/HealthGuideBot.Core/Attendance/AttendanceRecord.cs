namespace HealthGuideBot.Core.Attendance;

/// <summary>
/// One absence mark from the school's register, as an MIS feed or a CSV file gives it. Only marks whose code is one of
/// <see cref="AttendanceOptions.HealthCodes"/> are kept; a mark with another code for a session already held corrects
/// it (the register was changed), so the held mark is removed.
/// </summary>
/// <param name="PupilId">The roster's opaque pupil id (the same id as <see cref="Pupils.Pupil.Id"/>).</param>
/// <param name="Date">The school day, a calendar date with no time or zone.</param>
/// <param name="Session">Morning, afternoon or the whole day.</param>
/// <param name="Code">The DfE register code, upper case (for example <c>I</c> illness, <c>M</c> medical or dental appointment).</param>
public sealed record AttendanceRecord(string PupilId, DateOnly Date, AttendanceSession Session, string Code);

namespace HealthGuideBot.Core.Attendance;

/// <summary>One school term: health-related absence is counted per pupil per term.</summary>
/// <param name="Id">A stable id used in once-only keys, for example <c>2026-27-autumn</c>.</param>
/// <param name="Name">What staff call it, for example <c>Autumn term 2026</c>.</param>
/// <param name="Start">The first day of the term (inclusive).</param>
/// <param name="End">The last day of the term (inclusive).</param>
public sealed record SchoolTerm(string Id, string Name, DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}

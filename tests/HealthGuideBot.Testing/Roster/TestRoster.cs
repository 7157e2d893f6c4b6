using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Pupils;

namespace HealthGuideBot.Testing.Roster;

/// <summary>
/// The Development roster's people (the Playground's default users and five pupils), as in-memory directories for
/// tests that must not depend on a roster file.
/// </summary>
public static class TestRoster
{
    public const string AlexWilberNurse = "00000000-0000-0000-0000-0000000000020";
    public const string MeganBowenSencoDsl = "00000000-0000-0000-0000-0000000000021";
    public const string AdeleVanceTeacher5B = "00000000-0000-0000-0000-0000000000022";
    public const string IsaiahLangerTeacher6A = "00000000-0000-0000-0000-0000000000023";
    public const string PattiFernandezOffice = "00000000-0000-0000-0000-0000000000024";

    public static IReadOnlyList<StaffMember> Staff { get; } =
    [
        Member(AlexWilberNurse, "Alex Wilber", [StaffRole.Nurse]),
        Member(MeganBowenSencoDsl, "Megan Bowen", [StaffRole.Senco, StaffRole.Dsl]),
        Member(AdeleVanceTeacher5B, "Adele Vance", [StaffRole.Teacher], "5B"),
        Member(IsaiahLangerTeacher6A, "Isaiah Langer", [StaffRole.Teacher], "6A"),
        Member(PattiFernandezOffice, "Patti Fernandez", [StaffRole.Office]),
    ];

    public static IReadOnlyList<Pupil> Pupils { get; } =
    [
        new("P0001", "Sam Taylor", "5B", new DateOnly(2015, 3, 14)),
        new("P0002", "Amira Khan", "5B", new DateOnly(2015, 6, 2)),
        new("P0003", "Leo Novak", "6A", new DateOnly(2014, 11, 20)),
        new("P0004", "Priya Shah", "6A", new DateOnly(2014, 7, 9)),
        new("P0005", "Oliver Brown", "4C", new DateOnly(2016, 1, 30)),
    ];

    public static StaffMember Member(string userId, string name, StaffRole[] roles, params string[] classes) =>
        new(userId, name, null, roles.ToHashSet(), classes.ToHashSet(StringComparer.Ordinal));
}

/// <summary>An <see cref="IStaffDirectory"/> over a fixed list.</summary>
public sealed class InMemoryStaffDirectory(IEnumerable<StaffMember> staff) : IStaffDirectory
{
    private readonly StaffMember[] _staff = [.. staff];

    public ValueTask<StaffMember?> FindAsync(string userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_staff.FirstOrDefault(s => string.Equals(s.UserId, userId, StringComparison.OrdinalIgnoreCase)));

    public ValueTask<IReadOnlyList<StaffMember>> InRoleAsync(StaffRole role, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<StaffMember>>([.. _staff.Where(s => s.HasRole(role))]);
}

/// <summary>An <see cref="IPupilDirectory"/> over a fixed list: full name, or a unique-or-not first name.</summary>
public sealed class InMemoryPupilDirectory(IEnumerable<Pupil> pupils) : IPupilDirectory
{
    private readonly Pupil[] _pupils = [.. pupils];

    public ValueTask<Pupil?> FindAsync(string pupilId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_pupils.FirstOrDefault(p => p.Id == pupilId));

    public ValueTask<IReadOnlyList<Pupil>> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        var wanted = name.Trim();
        var full = _pupils.Where(p => string.Equals(p.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToArray();
        return ValueTask.FromResult<IReadOnlyList<Pupil>>(full.Length > 0
            ? full
            : [.. _pupils.Where(p => string.Equals(p.Name.Split(' ')[0], wanted, StringComparison.OrdinalIgnoreCase))]);
    }
}

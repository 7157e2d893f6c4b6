using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Pupils;

namespace HealthGuideBot.Infrastructure.People;

/// <summary>
/// A parsed, validated roster: staff by Entra object id, pupils by id, and a name index. Immutable; a changed file is
/// parsed into a new instance. Every problem in the file is reported at once, with its position.
/// </summary>
internal sealed class Roster
{
    private Roster(FrozenDictionary<string, StaffMember> staff, FrozenDictionary<string, Pupil> pupils)
    {
        Staff = staff;
        Pupils = pupils;
    }

    public static Roster Empty { get; } = new(FrozenDictionary<string, StaffMember>.Empty, FrozenDictionary<string, Pupil>.Empty);

    public FrozenDictionary<string, StaffMember> Staff { get; }

    public FrozenDictionary<string, Pupil> Pupils { get; }

    /// <exception cref="InvalidDataException">The JSON is malformed or entries are invalid (all listed).</exception>
    public static Roster Parse(string json, string source)
    {
        RosterDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, RosterJsonContext.Default.RosterDocument);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The roster '{source}' is not valid JSON (line {exception.LineNumber + 1}): {exception.Message}", exception);
        }

        document ??= new RosterDocument();
        var problems = new List<string>();
        var staff = new Dictionary<string, StaffMember>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < document.Staff.Count; i++)
        {
            var entry = document.Staff[i];
            var where = $"staff[{i}]";
            if (string.IsNullOrWhiteSpace(entry.UserId))
            {
                problems.Add($"{where}: userId (the Entra object id) is required.");
                continue;
            }

            var roles = new HashSet<StaffRole>();
            foreach (var role in entry.Roles)
            {
                if (Enum.TryParse<StaffRole>(role, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
                {
                    roles.Add(parsed);
                }
                else
                {
                    problems.Add($"{where}: unknown role '{role}' (known: {string.Join(", ", Enum.GetNames<StaffRole>())}).");
                }
            }

            var member = new StaffMember(
                entry.UserId.Trim(),
                string.IsNullOrWhiteSpace(entry.Name) ? entry.UserId.Trim() : entry.Name.Trim(),
                string.IsNullOrWhiteSpace(entry.Email) ? null : entry.Email.Trim(),
                roles.ToFrozenSet(),
                entry.Classes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToFrozenSet(StringComparer.OrdinalIgnoreCase));
            if (!staff.TryAdd(member.UserId, member))
            {
                problems.Add($"{where}: userId '{member.UserId}' appears twice.");
            }
        }

        var pupils = new Dictionary<string, Pupil>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < document.Pupils.Count; i++)
        {
            var entry = document.Pupils[i];
            var where = $"pupils[{i}]";
            if (string.IsNullOrWhiteSpace(entry.Id) || string.IsNullOrWhiteSpace(entry.Name) || string.IsNullOrWhiteSpace(entry.Class))
            {
                problems.Add($"{where}: id, name and class are required.");
                continue;
            }

            DateOnly? dateOfBirth = null;
            if (!string.IsNullOrWhiteSpace(entry.DateOfBirth))
            {
                if (DateOnly.TryParseExact(entry.DateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    dateOfBirth = parsed;
                }
                else
                {
                    problems.Add($"{where}: dateOfBirth must be yyyy-MM-dd.");
                }
            }

            var pupil = new Pupil(entry.Id.Trim(), entry.Name.Trim(), entry.Class.Trim(), dateOfBirth);
            if (!pupils.TryAdd(pupil.Id, pupil))
            {
                problems.Add($"{where}: id '{pupil.Id}' appears twice.");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"The roster '{source}' has {problems.Count} problem(s):\n" + string.Join("\n", problems));
        }

        return new Roster(staff.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), pupils.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Pupils matching a typed name: the full name first, then the name with a possessive or extra words trimmed,
    /// then a unique first name or surname. Case, accents and punctuation are ignored.
    /// </summary>
    public IReadOnlyList<Pupil> FindByName(string name)
    {
        var wanted = Normalise(name);
        if (wanted.Length == 0)
        {
            return [];
        }

        var exact = Pupils.Values.Where(p => Normalise(p.Name) == wanted).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        var words = wanted.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var byPart = Pupils.Values
            .Select(p => (Pupil: p, Parts: Normalise(p.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(p => words.All(w => p.Parts.Contains(w, StringComparer.Ordinal)))
            .Select(p => p.Pupil)
            .OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
        return byPart;
    }

    /// <summary>Lower case, accents removed, possessive <c>'s</c> dropped, punctuation to spaces, single spaces.</summary>
    internal static string Normalise(string text)
    {
        var decomposed = (text ?? string.Empty).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : c is '\'' or '\u2019' ? '\'' : c == '-' ? '-' : ' ');
        }

        var words = builder.ToString()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w.TrimEnd('\''))
            .Where(w => w.Length > 0);
        return string.Join(' ', words);
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HealthGuideBot.Core.Attendance;

/// <summary>
/// Reads the attendance import file, a CSV with a header row naming (in any order, case-insensitive, extra columns
/// ignored) <c>pupil_id,date,session,code</c>:
/// <list type="bullet">
/// <item><c>pupil_id</c>: the roster id, letters, digits, <c>.</c>, <c>_</c> or <c>-</c> (for example <c>P0001</c>);</item>
/// <item><c>date</c>: <c>dd/mm/yyyy</c> (UK) or <c>yyyy-mm-dd</c> (ISO);</item>
/// <item><c>session</c>: <c>AM</c>, <c>PM</c>, or <c>DAY</c> (also <c>ALL</c>) for both;</item>
/// <item><c>code</c>: the DfE register code, for example <c>I</c> or <c>M</c>.</item>
/// </list>
/// Fields may be double-quoted; blank lines are skipped. The file is all or nothing: any bad row makes the whole file
/// invalid, and every bad row is reported with its line number (the header is line 1). A row repeated in the file
/// is read once; two rows giving one session different codes are an error.
/// </summary>
public static partial class AttendanceCsvParser
{
    public const string Header = "pupil_id,date,session,code";

    /// <summary>At most this many errors are listed; the count is always complete.</summary>
    public const int MaxListedErrors = 50;

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public static async Task<AttendanceCsvResult> ParseAsync(TextReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<AttendanceCsvError>();
        var errorCount = 0;
        var seen = new Dictionary<(string PupilId, DateOnly Date, AttendanceSession Session), (string Code, int Line)>();
        var records = new List<AttendanceRecord>();
        var duplicates = 0;
        int[]? columns = null;
        var lineNumber = 0;

        void Error(int line, string message)
        {
            errorCount++;
            if (errors.Count < MaxListedErrors)
            {
                errors.Add(new AttendanceCsvError(line, message));
            }
        }

        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (lineNumber == 1)
            {
                line = line.TrimStart('\uFEFF');
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!TrySplit(line, out var fields))
            {
                Error(lineNumber, "a quoted field is not closed");
                if (columns is null)
                {
                    break;
                }

                continue;
            }

            if (columns is null)
            {
                columns = ReadHeader(fields, out var missing);
                if (columns is null)
                {
                    Error(lineNumber, $"the header must name the columns {Header} (missing: {string.Join(", ", missing)})");
                    break;
                }

                continue;
            }

            if (fields.Count < columns.Max() + 1)
            {
                Error(lineNumber, $"expected at least {columns.Max() + 1} fields, found {fields.Count}");
                continue;
            }

            var pupilId = fields[columns[0]].Trim();
            var dateText = fields[columns[1]].Trim();
            var sessionText = fields[columns[2]].Trim();
            var code = fields[columns[3]].Trim().ToUpperInvariant();
            var problems = new List<string>();
            if (!PupilIdPattern().IsMatch(pupilId))
            {
                problems.Add(pupilId.Length == 0 ? "pupil_id is empty" : "pupil_id may hold only letters, digits, '.', '_' or '-' (at most 64)");
            }

            var dateOk = DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
            if (!dateOk || date.Year < 2000 || date.Year > 2100)
            {
                problems.Add($"date '{Shorten(dateText)}' is not a date as dd/mm/yyyy or yyyy-mm-dd");
            }

            var session = ParseSession(sessionText);
            if (session is null)
            {
                problems.Add($"session '{Shorten(sessionText)}' must be AM, PM or DAY");
            }

            if (!CodePattern().IsMatch(code))
            {
                problems.Add($"code '{Shorten(code)}' is not a register code (for example I or M)");
            }

            if (problems.Count > 0)
            {
                Error(lineNumber, string.Join("; ", problems));
                continue;
            }

            foreach (var one in Expand(session!.Value))
            {
                if (seen.TryGetValue((pupilId, date, one), out var earlier))
                {
                    if (earlier.Code == code)
                    {
                        duplicates++;
                    }
                    else
                    {
                        Error(lineNumber, $"{pupilId} {date:yyyy-MM-dd} {SessionName(one)} has code {code} here but {earlier.Code} on line {earlier.Line}");
                    }

                    continue;
                }

                seen[(pupilId, date, one)] = (code, lineNumber);
                records.Add(new AttendanceRecord(pupilId, date, one, code));
            }
        }

        if (columns is null && errorCount == 0)
        {
            Error(Math.Max(lineNumber, 1), $"the file is empty: it needs the header {Header}");
        }

        return errorCount > 0
            ? new AttendanceCsvResult([], errors, errorCount, duplicates)
            : new AttendanceCsvResult(records, [], 0, duplicates);
    }

    /// <summary>The session as the file spells it.</summary>
    public static string SessionName(AttendanceSession session) => session switch
    {
        AttendanceSession.Morning => "AM",
        AttendanceSession.Afternoon => "PM",
        _ => "DAY",
    };

    internal static IEnumerable<AttendanceSession> Expand(AttendanceSession session) => session == AttendanceSession.WholeDay
        ? [AttendanceSession.Morning, AttendanceSession.Afternoon]
        : [session];

    private static AttendanceSession? ParseSession(string text) => text.ToUpperInvariant() switch
    {
        "AM" => AttendanceSession.Morning,
        "PM" => AttendanceSession.Afternoon,
        "DAY" or "ALL" => AttendanceSession.WholeDay,
        _ => null,
    };

    private static int[]? ReadHeader(List<string> fields, out List<string> missing)
    {
        string[] names = ["pupil_id", "date", "session", "code"];
        var positions = new int[names.Length];
        missing = [];
        for (var i = 0; i < names.Length; i++)
        {
            positions[i] = fields.FindIndex(f => string.Equals(f.Trim(), names[i], StringComparison.OrdinalIgnoreCase));
            if (positions[i] < 0)
            {
                missing.Add(names[i]);
            }
        }

        return missing.Count == 0 ? positions : null;
    }

    /// <summary>Splits one line on commas, honouring double quotes (a doubled quote inside quotes is a quote).</summary>
    private static bool TrySplit(string line, out List<string> fields)
    {
        fields = [];
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return !quoted;
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex PupilIdPattern();

    [GeneratedRegex(@"^[A-Z/\\#][0-9]{0,2}$")]
    private static partial Regex CodePattern();
}

/// <summary>What the parser read: every record (one per session), or nothing and the errors.</summary>
/// <param name="Records">One record per pupil, date and session (whole days expanded), in file order; empty when there are errors.</param>
/// <param name="Errors">The first <see cref="AttendanceCsvParser.MaxListedErrors"/> errors, by line.</param>
/// <param name="ErrorCount">How many rows were bad in all.</param>
/// <param name="DuplicateSessions">Sessions given twice in the file with the same code (read once).</param>
public sealed record AttendanceCsvResult(IReadOnlyList<AttendanceRecord> Records, IReadOnlyList<AttendanceCsvError> Errors, int ErrorCount, int DuplicateSessions)
{
    public bool IsValid => ErrorCount == 0;
}

/// <summary>A bad row: its line number in the file (the header is line 1) and what is wrong.</summary>
public sealed record AttendanceCsvError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

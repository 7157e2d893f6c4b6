using System.Text;
using HealthGuideBot.Core.Attendance;
using HealthGuideBot.Host.Conversations.Attendance;

namespace HealthGuideBot.Host.CommandLine;

/// <summary>
/// <c>attendance import file.csv</c>: reads the CSV (see <see cref="AttendanceCsvParser"/>), and either imports every
/// row or, when any row is bad, nothing (listing each bad row with its line number). Importing the same file again
/// changes nothing. After the import the pupils in the file are checked and the SENCOs prompted.
/// </summary>
internal static class AttendanceImportCommand
{
    /// <summary>A register export for a whole school year is a few MB; anything far larger is not an attendance file.</summary>
    private const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Exit codes: 0 imported, 1 the file has bad rows (nothing imported), 2 the file cannot be read.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string path, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            await error.WriteLineAsync($"No file at {file.FullName}.");
            return 2;
        }

        if (file.Length > MaxFileBytes)
        {
            await error.WriteLineAsync($"{file.Name} is {file.Length / (1024 * 1024)} MB; an attendance file is at most {MaxFileBytes / (1024 * 1024)} MB.");
            return 2;
        }

        AttendanceCsvResult parsed;
        using (var reader = new StreamReader(file.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            parsed = await AttendanceCsvParser.ParseAsync(reader, cancellationToken);
        }

        if (!parsed.IsValid)
        {
            await error.WriteLineAsync($"Nothing imported from {file.Name}: {parsed.ErrorCount} row(s) are not valid. Fix them and import the file again.");
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync($"  {problem}");
            }

            if (parsed.ErrorCount > parsed.Errors.Count)
            {
                await error.WriteLineAsync($"  … and {parsed.ErrorCount - parsed.Errors.Count} more.");
            }

            await error.WriteLineAsync($"The file needs the header {AttendanceCsvParser.Header}; dates as dd/mm/yyyy or yyyy-mm-dd; session AM, PM or DAY.");
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        var promptsOff = scope.ServiceProvider.GetRequiredService<IAttendancePromptCheck>() is AttendancePromptsOff;
        var result = await scope.ServiceProvider.GetRequiredService<IAttendanceFeed>().ImportAsync(parsed.Records, cancellationToken);
        await output.WriteLineAsync(
            $"Imported {file.Name}: {result.SessionsAdded} session(s) added, {result.SessionsUpdated} updated, {result.SessionsUnchanged} already held, "
            + $"{result.SessionsRemoved} removed (register corrected), {result.SessionsIgnored} ignored (not health-related).");
        if (parsed.DuplicateSessions > 0)
        {
            await output.WriteLineAsync($"{parsed.DuplicateSessions} session(s) appeared more than once in the file and were read once.");
        }

        await output.WriteLineAsync(promptsOff
            ? "SENCO prompts are off in this configuration (no notifier or roster); the absence is stored and counted."
            : $"SENCOs prompted about {result.PupilsPrompted} pupil(s).");
        return 0;
    }
}

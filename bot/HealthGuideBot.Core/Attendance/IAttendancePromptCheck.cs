namespace HealthGuideBot.Core.Attendance;

/// <summary>Checks pupils against the prompt threshold and tells the SENCOs (see <see cref="AttendancePrompter"/>).</summary>
public interface IAttendancePromptCheck
{
    /// <summary>
    /// Checks <paramref name="pupilIds"/>, or every pupil with health-related absence this term when null, and returns
    /// how many pupils were newly prompted.
    /// </summary>
    Task<int> CheckAsync(IReadOnlyCollection<string>? pupilIds, CancellationToken cancellationToken);
}

using HealthGuideBot.Core.Attendance;

namespace HealthGuideBot.Host.Conversations.Attendance;

/// <summary>
/// The prompt check when the host has no staff notifier, staff directory or pupil directory registered: absence is
/// still imported and counted, and a warning says prompts are off.
/// </summary>
internal sealed partial class AttendancePromptsOff : IAttendancePromptCheck
{
    private readonly ILogger<AttendancePromptsOff> _logger;

    public AttendancePromptsOff(ILogger<AttendancePromptsOff> logger) => _logger = logger;

    public Task<int> CheckAsync(IReadOnlyCollection<string>? pupilIds, CancellationToken cancellationToken)
    {
        Log.PromptsOff(_logger);
        return Task.FromResult(0);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4321, Level = LogLevel.Warning, Message = "Attendance prompts are off: no staff notifier, staff directory or pupil directory is registered")]
        public static partial void PromptsOff(ILogger logger);
    }
}

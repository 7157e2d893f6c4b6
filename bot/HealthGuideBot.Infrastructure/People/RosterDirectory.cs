using HealthGuideBot.Core.Access;
using HealthGuideBot.Core.Pupils;
using Microsoft.Extensions.Logging;

namespace HealthGuideBot.Infrastructure.People;

/// <summary>
/// Staff roles and pupils from the local roster file (the embedded default; a school with Entra groups and an MIS
/// feed replaces it). The file is read at start-up (a broken file stops the start with every problem listed) and
/// re-read when its modification time changes, checked at most every <see cref="RecheckInterval"/>; a broken edit
/// keeps the last good roster and logs a warning, so a typo never locks staff out.
/// </summary>
public sealed partial class RosterDirectory : IStaffDirectory, IPupilDirectory
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(30);

    private readonly string? _path;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RosterDirectory> _logger;
    private readonly Lock _gate = new();
    private Roster _roster;
    private DateTime _loadedWriteTime;
    private long _checkedAt;

    /// <param name="path">The roster file's full path, or null for no roster (nobody holds a role).</param>
    public RosterDirectory(string? path, TimeProvider timeProvider, ILogger<RosterDirectory> logger)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _path = path;
        _timeProvider = timeProvider;
        _logger = logger;
        if (path is null)
        {
            _roster = Roster.Empty;
            Log.NoRoster(logger);
        }
        else
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"The roster file '{path}' (HealthGuideBot:Roster:File) does not exist.");
            }

            _loadedWriteTime = File.GetLastWriteTimeUtc(path);
            _roster = Roster.Parse(File.ReadAllText(path), path);
            Log.Loaded(logger, _roster.Staff.Count, _roster.Pupils.Count);
        }

        _checkedAt = timeProvider.GetTimestamp();
    }

    public ValueTask<StaffMember?> FindAsync(string userId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Current().Staff.GetValueOrDefault(userId ?? string.Empty));

    public ValueTask<IReadOnlyList<StaffMember>> InRoleAsync(StaffRole role, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<StaffMember>>(
            [.. Current().Staff.Values.Where(s => s.HasRole(role)).OrderBy(s => s.DisplayName, StringComparer.OrdinalIgnoreCase)]);

    /// <summary>The roster's entry for a member of staff, or null (group-based roles use it for names only).</summary>
    internal StaffMember? FindStaff(string userId) => Current().Staff.GetValueOrDefault(userId ?? string.Empty);

    ValueTask<Pupil?> IPupilDirectory.FindAsync(string pupilId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Current().Pupils.GetValueOrDefault(pupilId ?? string.Empty));

    public ValueTask<IReadOnlyList<Pupil>> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Current().FindByName(name));

    private Roster Current()
    {
        if (_path is null || _timeProvider.GetElapsedTime(_checkedAt) < RecheckInterval)
        {
            return Volatile.Read(ref _roster);
        }

        lock (_gate)
        {
            if (_timeProvider.GetElapsedTime(_checkedAt) < RecheckInterval)
            {
                return _roster;
            }

            _checkedAt = _timeProvider.GetTimestamp();
            try
            {
                var writeTime = File.GetLastWriteTimeUtc(_path);
                if (writeTime != _loadedWriteTime)
                {
                    var roster = Roster.Parse(File.ReadAllText(_path), _path);
                    _loadedWriteTime = writeTime;
                    Volatile.Write(ref _roster, roster);
                    Log.Loaded(_logger, roster.Staff.Count, roster.Pupils.Count);
                }
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Log.ReloadFailed(_logger, exception);
            }

            return _roster;
        }
    }

    private static partial class Log
    {
        // EventIds 4000–4099: people and access.
        [LoggerMessage(4000, LogLevel.Information, "Roster loaded: {Staff} staff, {Pupils} pupils")]
        public static partial void Loaded(ILogger logger, int staff, int pupils);

        [LoggerMessage(4001, LogLevel.Warning, "No roster configured (HealthGuideBot:Roster:File): nobody holds a role, so every pupil-record request is refused")]
        public static partial void NoRoster(ILogger logger);

        [LoggerMessage(4002, LogLevel.Warning, "The changed roster file could not be loaded; the previous roster stays in use")]
        public static partial void ReloadFailed(ILogger logger, Exception exception);
    }
}

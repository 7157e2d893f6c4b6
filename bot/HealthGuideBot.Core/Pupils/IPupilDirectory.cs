namespace HealthGuideBot.Core.Pupils;

/// <summary>The school's pupils: the roster file in the embedded default, an MIS feed in production.</summary>
public interface IPupilDirectory
{
    /// <summary>The pupil with this roster id, or null.</summary>
    ValueTask<Pupil?> FindAsync(string pupilId, CancellationToken cancellationToken);

    /// <summary>
    /// Pupils whose name matches <paramref name="name"/> (case- and accent-insensitive; full name, or first name alone
    /// when that is unambiguous), best match first. Empty when none match. Callers must still apply the access policy
    /// before revealing anything about a match.
    /// </summary>
    ValueTask<IReadOnlyList<Pupil>> FindByNameAsync(string name, CancellationToken cancellationToken);
}

namespace HealthGuideBot.Infrastructure.People;

/// <summary>The local roster (section <c>HealthGuideBot:Roster</c>): staff roles and classes, and pupils.</summary>
public sealed class RosterOptions
{
    public const string Section = "HealthGuideBot:Roster";

    /// <summary>
    /// The roster JSON file, relative to the content root or absolute. Unset: no roster, so nobody holds a role and
    /// every pupil-record request is refused (the safe default until the school configures roles). Development sets
    /// it to the bundled fictional sample.
    /// </summary>
    public string? File { get; set; }
}

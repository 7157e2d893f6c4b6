namespace HealthGuideBot.Host.Hosting;

/// <summary>
/// The <c>HealthGuideBot</c> configuration section: who may talk to the bot, where it may send, and the school.
/// The Azure Bot Service keys (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>,
/// <c>MicrosoftAppTenantId</c>) stay at the root of the configuration, where Azure puts them.
/// </summary>
public sealed class HealthGuideBotOptions
{
    public const string Section = "HealthGuideBot";

    /// <summary>Entra tenant ids whose users may talk to the bot.</summary>
    public IList<string> AllowedTenantIds { get; } = [];

    /// <summary>Extra serviceUrl hosts (exact, or <c>*.suffix</c>); empty keeps Microsoft's Teams hosts.</summary>
    public IList<string> AllowedServiceUrlHosts { get; } = [];

    /// <summary>For Entra-issued tokens: caller app ids allowed.</summary>
    public IList<string> AllowedCallers { get; } = [];

    /// <summary>
    /// Turns authentication off for local development. Refused unless there is no app id, the environment is
    /// Development and the server listens on loopback only.
    /// </summary>
    public bool DangerouslyAllowUnauthenticatedLoopbackRequests { get; set; }

    /// <summary>The school, used in the 999 script and in messages.</summary>
    public SchoolOptions School { get; set; } = new();

    /// <summary>Who staff should ask when the bot has no approved answer, e.g. "the school nurse".</summary>
    public string AskRole { get; set; } = "the school nurse or the first aid lead";
}

/// <summary>The school's own details (DfE Template F: contacting emergency services).</summary>
public sealed class SchoolOptions
{
    public string Name { get; set; } = "Sample Primary School";

    public string Address { get; set; } = "1 Example Road, Exampletown";

    public string Postcode { get; set; } = "EX1 2MP";

    public string Phone { get; set; } = "01234 567890";

    public string Entrance { get; set; } = "the main entrance on Example Road";

    public string MeetingPoint { get; set; } = "a member of the office staff will meet the crew at the main entrance";
}

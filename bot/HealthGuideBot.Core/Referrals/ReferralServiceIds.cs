namespace HealthGuideBot.Core.Referrals;

/// <summary>The services a school refers to. Each has its own question set in data (<c>referrals/&lt;id&gt;.json</c>).</summary>
public static class ReferralServiceIds
{
    /// <summary>The Multi-Agency Assessment Panel: pupils unable to attend school because of their health needs.</summary>
    public const string MultiAgencyPanel = "multi-agency-panel";

    /// <summary>CAMHS / the Mental Health Support Team.</summary>
    public const string Camhs = "camhs";

    public const string EducationalPsychology = "educational-psychology";

    public const string SchoolNursing = "school-nursing";

    public const string EarlyHelp = "early-help";

    /// <summary>Every service, in the order the service choice lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Camhs, MultiAgencyPanel, EducationalPsychology, SchoolNursing, EarlyHelp];
}

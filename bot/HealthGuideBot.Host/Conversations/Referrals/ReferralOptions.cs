namespace HealthGuideBot.Host.Conversations.Referrals;

/// <summary>
/// The <c>HealthGuideBot:Referrals</c> section: where referrals are filed and emailed, and an optional folder of
/// question sets that replace the embedded ones (one <c>&lt;service&gt;.json</c> per service).
/// </summary>
public sealed class ReferralOptions
{
    public const string Section = "HealthGuideBot:Referrals";

    /// <summary>A folder of question set files; a file named after a service replaces that service's embedded set.</summary>
    public string? QuestionSetFolder { get; set; }

    /// <summary>The document library folder the referral document is filed to.</summary>
    public string DocumentDestination { get; set; } = "Referrals";

    /// <summary>The register (SharePoint list) a row is added to for every referral.</summary>
    public string RegisterDestination { get; set; } = "Referral register";

    /// <summary>Each service's referral mailbox, by service id. A service without one is filed but not emailed.</summary>
    public IDictionary<string, string> Mailboxes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

namespace HealthGuideBot.Core.Filing;

/// <summary>Where a filing goes.</summary>
public enum FilingTarget
{
    /// <summary>A document (docx) into the school's document library (SharePoint) or the local filing folder.</summary>
    Document,

    /// <summary>A row in a register (a SharePoint list such as the plan register or the referral register).</summary>
    RegisterEntry,

    /// <summary>An email from the shared mailbox, with the document attached.</summary>
    Email,
}

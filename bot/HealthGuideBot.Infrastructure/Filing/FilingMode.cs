namespace HealthGuideBot.Infrastructure.Filing;

/// <summary>Which <see cref="Core.Filing.IRecordFiler"/> the bot files through.</summary>
internal enum FilingMode
{
    /// <summary>The local filing folder (embedded default): documents, registers and .eml files on disk.</summary>
    Local,

    /// <summary>Microsoft Graph: a SharePoint library and lists, and one shared mailbox.</summary>
    Graph,
}

namespace HealthGuideBot.Infrastructure.Filing.Graph;

/// <summary>Section <c>HealthGuideBot:Filing:Graph</c>, used when <c>Mode</c> is <c>Graph</c>.</summary>
internal sealed class GraphFilingOptions : GraphConnectionOptions
{
    /// <summary>The SharePoint site id (<c>contoso.sharepoint.com,{site-collection-guid},{web-guid}</c>) granted through Sites.Selected.</summary>
    public string? SiteId { get; set; }

    /// <summary>The document library's drive id on that site.</summary>
    public string? DriveId { get; set; }

    /// <summary>A folder in the library under which each Destination gets a sub-folder, for example <c>HealthGuideBot</c>.</summary>
    public string RootFolder { get; set; } = string.Empty;

    /// <summary>Register (Destination) name → SharePoint list id, for example <c>"Plan register": "{guid}"</c>.</summary>
    public Dictionary<string, string> Lists { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The text column, present in every register list, that holds the record key the upsert finds rows by.</summary>
    public string KeyColumn { get; set; } = "RecordKey";

    /// <summary>The one shared mailbox mail is sent from (UPN or object id), scoped by Exchange RBAC for Applications.</summary>
    public string? Mailbox { get; set; }

    /// <summary>Above this size a document is uploaded through a resumable upload session.</summary>
    public int SimpleUploadLimitBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Upload session chunk size; must be a multiple of 320 KiB and under 60 MiB. Default 5 MiB (16 × 320 KiB).</summary>
    public int UploadChunkBytes { get; set; } = 16 * GraphRecordFiler.UploadChunkUnit;

    /// <summary>After an ambiguous send (504, timeout), wait at least this long before looking in Sent Items.</summary>
    public TimeSpan AmbiguousSendSettle { get; set; } = TimeSpan.FromMinutes(2);
}

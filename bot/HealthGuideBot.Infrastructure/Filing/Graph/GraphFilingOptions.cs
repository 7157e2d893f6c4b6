namespace HealthGuideBot.Infrastructure.Filing.Graph;

/// <summary>Section <c>HealthGuideBot:Filing:Graph</c>, used when <c>Mode</c> is <c>Graph</c>.</summary>
internal sealed class GraphFilingOptions
{
    /// <summary>Graph's root, including the version. Only changed for national clouds (or a test stand-in).</summary>
    public Uri BaseUrl { get; set; } = new("https://graph.microsoft.com/v1.0");

    public GraphCredentialKind Credential { get; set; } = GraphCredentialKind.Certificate;

    /// <summary>The school's Entra tenant id (not needed for a managed identity).</summary>
    public string? TenantId { get; set; }

    /// <summary>The app registration's client id (not needed for a managed identity).</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A PFX/PEM file holding the certificate and its private key; or use <see cref="CertificateThumbprint"/>.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>A certificate in the CurrentUser\My store, by thumbprint.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>A user-assigned managed identity's client id; empty for the system-assigned identity.</summary>
    public string? ManagedIdentityClientId { get; set; }

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

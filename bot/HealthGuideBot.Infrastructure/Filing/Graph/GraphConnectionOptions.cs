namespace HealthGuideBot.Infrastructure.Filing.Graph;

/// <summary>
/// Where Microsoft Graph is and how the bot signs in to it (app-only). Shared by filing
/// (<c>HealthGuideBot:Filing:Graph</c>) and group-based roles (<c>HealthGuideBot:Roles:Graph</c>); a school normally
/// uses one app registration for both.
/// </summary>
internal class GraphConnectionOptions
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
}

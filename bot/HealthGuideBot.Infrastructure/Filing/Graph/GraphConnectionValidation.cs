namespace HealthGuideBot.Infrastructure.Filing.Graph;

/// <summary>The start-up checks of a <see cref="GraphConnectionOptions"/> section, naming each setting to fix.</summary>
internal static class GraphConnectionValidation
{
    /// <param name="section">The configuration path of the section, for example <c>HealthGuideBot:Roles:Graph</c>.</param>
    /// <param name="when">Why the section is needed, for the messages, for example "when Filing:Mode is Graph".</param>
    public static void Validate(GraphConnectionOptions graph, string section, string when, List<string> errors)
    {
        if (graph.BaseUrl is not { IsAbsoluteUri: true } baseUrl || (baseUrl.Scheme != Uri.UriSchemeHttps && !baseUrl.IsLoopback))
        {
            errors.Add($"{section}:BaseUrl must be an absolute https URL (default https://graph.microsoft.com/v1.0).");
        }

        switch (graph.Credential)
        {
            case GraphCredentialKind.ClientSecret:
                Require(graph.TenantId, section, when, "TenantId", "the school's Entra tenant id", errors);
                Require(graph.ClientId, section, when, "ClientId", "the app registration's client id", errors);
                Require(graph.ClientSecret, section, when, "ClientSecret", "the client secret (prefer Credential=Certificate)", errors);
                break;
            case GraphCredentialKind.Certificate:
                Require(graph.TenantId, section, when, "TenantId", "the school's Entra tenant id", errors);
                Require(graph.ClientId, section, when, "ClientId", "the app registration's client id", errors);
                if (string.IsNullOrWhiteSpace(graph.CertificatePath) && string.IsNullOrWhiteSpace(graph.CertificateThumbprint))
                {
                    errors.Add($"{section}: Credential=Certificate needs CertificatePath (a .pfx or .pem with its private key) or CertificateThumbprint (CurrentUser\\My).");
                }
                else if (!string.IsNullOrWhiteSpace(graph.CertificatePath) && !File.Exists(graph.CertificatePath))
                {
                    errors.Add($"{section}:CertificatePath '{graph.CertificatePath}' does not exist.");
                }

                break;
            case GraphCredentialKind.ManagedIdentity:
                break;
            default:
                errors.Add($"{section}:Credential must be Certificate, ManagedIdentity or ClientSecret.");
                break;
        }
    }

    public static void Require(string? value, string section, string when, string setting, string meaning, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{section}:{setting} is required {when}: {meaning}.");
        }
    }
}

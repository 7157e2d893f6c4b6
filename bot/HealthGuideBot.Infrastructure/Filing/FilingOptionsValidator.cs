using HealthGuideBot.Infrastructure.Filing.Graph;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Infrastructure.Filing;

/// <summary>Checks the filing settings at start-up and names every problem with the setting to fix.</summary>
internal sealed class FilingOptionsValidator : IValidateOptions<FilingOptions>
{
    private const string Graph = FilingOptions.Section + ":Graph";

    public ValidateOptionsResult Validate(string? name, FilingOptions options)
    {
        var errors = new List<string>();
        var dispatch = options.Dispatch;
        if (dispatch.BatchSize < 1)
        {
            errors.Add($"{FilingOptions.Section}:Dispatch:BatchSize must be at least 1.");
        }

        if (dispatch.PollInterval <= TimeSpan.Zero || dispatch.LeaseDuration <= TimeSpan.Zero || dispatch.ParkedRecheckInterval <= TimeSpan.Zero)
        {
            errors.Add($"{FilingOptions.Section}:Dispatch: PollInterval, LeaseDuration and ParkedRecheckInterval must be positive.");
        }

        if (dispatch.AttemptTimeout <= TimeSpan.Zero || dispatch.AttemptTimeout >= dispatch.LeaseDuration)
        {
            errors.Add($"{FilingOptions.Section}:Dispatch:AttemptTimeout must be positive and shorter than LeaseDuration, so an attempt ends before another instance may claim the item.");
        }

        foreach (var (target, backoff) in new[] { ("Document", dispatch.Document), ("RegisterEntry", dispatch.RegisterEntry), ("Email", dispatch.Email) })
        {
            if (backoff.BaseDelay <= TimeSpan.Zero || backoff.MaxDelay < backoff.BaseDelay)
            {
                errors.Add($"{FilingOptions.Section}:Dispatch:{target}: BaseDelay must be positive and MaxDelay at least BaseDelay.");
            }
        }

        if (options.Mode == FilingMode.Local && string.IsNullOrWhiteSpace(options.LocalFolder))
        {
            errors.Add($"{FilingOptions.Section}:LocalFolder must name a folder (default data/filed).");
        }

        if (options.Mode == FilingMode.Graph)
        {
            ValidateGraph(options.Graph, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateGraph(GraphFilingOptions graph, List<string> errors)
    {
        if (graph.BaseUrl is not { IsAbsoluteUri: true } baseUrl || (baseUrl.Scheme != Uri.UriSchemeHttps && !baseUrl.IsLoopback))
        {
            errors.Add($"{Graph}:BaseUrl must be an absolute https URL (default https://graph.microsoft.com/v1.0).");
        }

        Require(graph.SiteId, "SiteId", "the SharePoint site id granted to the app through Sites.Selected (GET /sites/{hostname}:/sites/{path}?$select=id)", errors);
        Require(graph.DriveId, "DriveId", "the document library's drive id (GET /sites/{site-id}/drives)", errors);
        if (string.IsNullOrWhiteSpace(graph.KeyColumn))
        {
            errors.Add($"{Graph}:KeyColumn must name the register lists' text column holding the record key (default RecordKey).");
        }

        switch (graph.Credential)
        {
            case GraphCredentialKind.ClientSecret:
                Require(graph.TenantId, "TenantId", "the school's Entra tenant id", errors);
                Require(graph.ClientId, "ClientId", "the app registration's client id", errors);
                Require(graph.ClientSecret, "ClientSecret", "the client secret (prefer Credential=Certificate)", errors);
                break;
            case GraphCredentialKind.Certificate:
                Require(graph.TenantId, "TenantId", "the school's Entra tenant id", errors);
                Require(graph.ClientId, "ClientId", "the app registration's client id", errors);
                if (string.IsNullOrWhiteSpace(graph.CertificatePath) && string.IsNullOrWhiteSpace(graph.CertificateThumbprint))
                {
                    errors.Add($"{Graph}: Credential=Certificate needs CertificatePath (a .pfx or .pem with its private key) or CertificateThumbprint (CurrentUser\\My).");
                }
                else if (!string.IsNullOrWhiteSpace(graph.CertificatePath) && !File.Exists(graph.CertificatePath))
                {
                    errors.Add($"{Graph}:CertificatePath '{graph.CertificatePath}' does not exist.");
                }

                break;
            case GraphCredentialKind.ManagedIdentity:
                break;
            default:
                errors.Add($"{Graph}:Credential must be Certificate, ManagedIdentity or ClientSecret.");
                break;
        }

        if (graph.UploadChunkBytes <= 0 || graph.UploadChunkBytes % GraphRecordFiler.UploadChunkUnit != 0 || graph.UploadChunkBytes >= 60 * 1024 * 1024)
        {
            errors.Add($"{Graph}:UploadChunkBytes must be a multiple of 327680 (320 KiB) and under 60 MiB.");
        }

        if (graph.SimpleUploadLimitBytes <= 0)
        {
            errors.Add($"{Graph}:SimpleUploadLimitBytes must be positive.");
        }
    }

    private static void Require(string? value, string setting, string meaning, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{Graph}:{setting} is required when Filing:Mode is Graph: {meaning}.");
        }
    }
}

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
        GraphConnectionValidation.Validate(graph, Graph, "when Filing:Mode is Graph", errors);
        Require(graph.SiteId, "SiteId", "the SharePoint site id granted to the app through Sites.Selected (GET /sites/{hostname}:/sites/{path}?$select=id)", errors);
        Require(graph.DriveId, "DriveId", "the document library's drive id (GET /sites/{site-id}/drives)", errors);
        if (string.IsNullOrWhiteSpace(graph.KeyColumn))
        {
            errors.Add($"{Graph}:KeyColumn must name the register lists' text column holding the record key (default RecordKey).");
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

    private static void Require(string? value, string setting, string meaning, List<string> errors) =>
        GraphConnectionValidation.Require(value, Graph, "when Filing:Mode is Graph", setting, meaning, errors);
}

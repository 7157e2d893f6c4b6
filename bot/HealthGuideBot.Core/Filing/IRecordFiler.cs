namespace HealthGuideBot.Core.Filing;

/// <summary>
/// The filing port: the local filing folder (embedded default) or Microsoft Graph (SharePoint library, list, mail).
/// Implementations must be idempotent on <see cref="FilingRequest.Key"/>: asked twice (a retry after an ambiguous
/// failure), they reconcile and report <see cref="FilingResult.Filed"/> rather than filing a second copy.
/// </summary>
public interface IRecordFiler
{
    Task<FilingResult> FileAsync(FilingRequest request, CancellationToken cancellationToken);
}

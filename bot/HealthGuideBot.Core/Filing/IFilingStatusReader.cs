namespace HealthGuideBot.Core.Filing;

/// <summary>Reads the outbox state of a record's filings, for the card that tells staff "filed" or "waiting, retrying".</summary>
public interface IFilingStatusReader
{
    Task<IReadOnlyList<FilingStatus>> ForRecordAsync(string recordType, string recordId, CancellationToken cancellationToken);
}

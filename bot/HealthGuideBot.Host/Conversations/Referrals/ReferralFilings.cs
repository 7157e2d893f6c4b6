using System.Globalization;
using HealthGuideBot.Core.Filing;
using HealthGuideBot.Core.Referrals;
using HealthGuideBot.Host.Hosting;
using Microsoft.Extensions.Options;

namespace HealthGuideBot.Host.Conversations.Referrals;

/// <summary>
/// What a submitted referral files, written to the outbox in the same transaction as the referral: the document to
/// the referrals library, a row in the referral register, and an email with the document to the service's mailbox.
/// Keys are deterministic (<c>referral:&lt;id&gt;:v1:document</c>), so a retried submission never files twice.
/// File names and the email subject carry the reference, never the pupil's name.
/// </summary>
internal sealed class ReferralFilings
{
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private readonly IReferralDocuments _documents;
    private readonly ReferralOptions _options;
    private readonly string _schoolName;

    public ReferralFilings(IReferralDocuments documents, IOptions<ReferralOptions> options, IOptions<HealthGuideBotOptions> bot)
    {
        _documents = documents;
        _options = options.Value;
        _schoolName = bot.Value.School.Name;
    }

    public string DocumentDestination => _options.DocumentDestination;

    public string RegisterDestination => _options.RegisterDestination;

    public string? MailboxFor(string serviceId) =>
        _options.Mailboxes.TryGetValue(serviceId, out var mailbox) && !string.IsNullOrWhiteSpace(mailbox) ? mailbox : null;

    public IReadOnlyList<FilingRequest> For(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var key = $"referral:{referral.ReferralId}:v{referral.Version.ToString(CultureInfo.InvariantCulture)}";
        var fileName = $"{referral.Reference}.docx";
        var document = _documents.BuildDocument(referral);
        var filings = new List<FilingRequest>
        {
            new()
            {
                Key = key + ":document",
                Target = FilingTarget.Document,
                RecordType = ReferralAccess.RecordType,
                RecordId = referral.ReferralId,
                Destination = _options.DocumentDestination,
                FileName = fileName,
                ContentType = DocxContentType,
                Content = document,
            },
            new()
            {
                Key = key + ":register",
                Target = FilingTarget.RegisterEntry,
                RecordType = ReferralAccess.RecordType,
                RecordId = referral.ReferralId,
                Destination = _options.RegisterDestination,
                Fields = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["Reference"] = referral.Reference,
                    ["Service"] = referral.ServiceName,
                    ["PupilId"] = referral.PupilId,
                    ["Pupil"] = referral.PupilName,
                    ["Class"] = referral.ClassName,
                    ["Status"] = referral.Status.ToString(),
                    ["Version"] = referral.Version.ToString(CultureInfo.InvariantCulture),
                    ["SubmittedAt"] = referral.SubmittedAt.ToString("O", CultureInfo.InvariantCulture),
                    ["SubmittedBy"] = referral.SubmittedByUserId,
                    ["RiskIndicated"] = referral.RiskIndicated ? "Yes" : "No",
                },
            },
        };

        if (MailboxFor(referral.ServiceId) is { } mailbox)
        {
            filings.Add(new FilingRequest
            {
                Key = key + ":email",
                Target = FilingTarget.Email,
                RecordType = ReferralAccess.RecordType,
                RecordId = referral.ReferralId,
                Destination = mailbox,
                MailTo = mailbox,
                MailSubject = $"Referral {referral.Reference} from {_schoolName}",
                MailBody = $"Please find attached referral {referral.Reference} to {referral.ServiceName} from {_schoolName}. "
                    + "Reply to this email with any questions about it.",
                FileName = fileName,
                ContentType = DocxContentType,
                Content = document,
            });
        }

        return filings;
    }
}

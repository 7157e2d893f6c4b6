using DocumentFormat.OpenXml.Packaging;
using HealthGuideBot.Core.Filing;
using HealthGuideBot.Core.Referrals;
using HealthGuideBot.Infrastructure.Persistence;
using HealthGuideBot.Infrastructure.Referrals;
using HealthGuideBot.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGuideBot.Infrastructure.Tests.Referrals;

public sealed class EfReferralStoreTests
{
    [Fact]
    public async Task Submit_AssignsSequentialReferences_SavesFilingsWithTheReferral_AndIsIdempotent()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        var first = await SubmitAsync(database, Referral("r1"));
        var second = await SubmitAsync(database, Referral("r2"));
        var again = await SubmitAsync(database, Referral("r1"));

        Assert.True(first.Created);
        Assert.Equal("REF-2026-000001", first.Referral.Reference);
        Assert.Equal("REF-2026-000002", second.Referral.Reference);
        Assert.False(again.Created);
        Assert.Equal("REF-2026-000001", again.Referral.Reference);

        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>();
        Assert.Equal(2, await db.Referrals.CountAsync());
        var outbox = await db.Outbox.AsNoTracking().Where(o => o.RecordId == "r1").ToListAsync();
        var document = Assert.Single(outbox);
        Assert.Equal("REF-2026-000001.docx", document.FileName);

        using var docx = WordprocessingDocument.Open(new MemoryStream(document.Content!), isEditable: false);
        var text = docx.MainDocumentPart!.Document!.InnerText;
        Assert.Contains("Referral to CAMHS", text, StringComparison.Ordinal);
        Assert.Contains("REF-2026-000001", text, StringComparison.Ordinal);
        Assert.Contains("Low mood since September", text, StringComparison.Ordinal);
    }

    private static async Task<ReferralSubmission> SubmitAsync(SqliteTestDatabase database, Referral referral)
    {
        await using var scope = database.CreateScope();
        var store = new EfReferralStore(scope.ServiceProvider.GetRequiredService<HealthGuideDbContext>(), database.Time);
        var documents = new OpenXmlReferralDocuments();
        return await store.SubmitAsync(
            referral,
            stored => [new FilingRequest
            {
                Key = $"referral:{stored.ReferralId}:v1:document",
                Target = FilingTarget.Document,
                RecordType = "referral",
                RecordId = stored.ReferralId,
                Destination = "Referrals",
                FileName = $"{stored.Reference}.docx",
                Content = documents.BuildDocument(stored),
            }],
            CancellationToken.None);
    }

    private static Referral Referral(string id) => new()
    {
        ReferralId = id,
        ServiceId = ReferralServiceIds.Camhs,
        ServiceName = "CAMHS",
        PupilId = "P0001",
        PupilName = "Sam Taylor",
        ClassName = "5B",
        Answers = [new ReferralAnswer("concern", "The concern", "The concern", "Low mood since September", false)],
        SubmittedByUserId = "user-1",
        SubmittedAt = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero),
    };
}

using HealthGuideBot.Knowledge.Reading;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace HealthGuideBot.Knowledge.Tests.Reading;

public sealed class PdfDocumentReaderTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTemporaryFolder();

    public void Dispose() => TestPaths.DeleteQuietly(_folder);

    [Fact]
    public async Task ReadAsync_TreatsLargerLinesAsHeadings_AndReadsMetadataFromTheInformationDictionary()
    {
        var path = Path.Combine(_folder, "first-aid-boxes.pdf");
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        page.AddText("First aid boxes", 20, new PdfPoint(50, 760), font);
        page.AddText("Where boxes are kept", 15, new PdfPoint(50, 720), font);
        page.AddText("Boxes are kept in the office and the sports hall.", 11, new PdfPoint(50, 700), font);
        page.AddText("Each box has a checklist on the lid.", 11, new PdfPoint(50, 685), font);
        page.AddText("Checking the boxes", 15, new PdfPoint(50, 650), font);
        page.AddText("The first aid lead checks every box each half term.", 11, new PdfPoint(50, 630), font);
        builder.DocumentInformation.Title = "First aid boxes";
        builder.DocumentInformation.CustomMetadata["owner"] = "First aid lead";
        builder.DocumentInformation.CustomMetadata["category"] = "guidance";
        builder.DocumentInformation.CustomMetadata["reviewed"] = "2025-03-01";
        await File.WriteAllBytesAsync(path, builder.Build());

        var content = await new PdfDocumentReader().ReadAsync(path, CancellationToken.None);

        Assert.Equal("first-aid-boxes", content.Document.Id);
        Assert.Equal("First aid lead", content.Document.Owner);
        Assert.Equal(Core.Knowledge.KnowledgeCategory.Guidance, content.Document.Category);
        Assert.Equal(new DateOnly(2026, 3, 1), content.Document.NextReview);
        Assert.Equal(
            ["First aid boxes › Where boxes are kept", "First aid boxes › Checking the boxes"],
            content.Sections.Select(section => section.Heading));
        Assert.Contains("sports hall", content.Sections[0].Text, StringComparison.Ordinal);
        Assert.Contains("each half term", content.Sections[1].Text, StringComparison.Ordinal);
    }
}

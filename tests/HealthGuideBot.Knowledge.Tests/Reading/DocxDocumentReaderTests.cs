using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;
using DocumentFormat.OpenXml.Wordprocessing;
using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Knowledge.Reading;

namespace HealthGuideBot.Knowledge.Tests.Reading;

public sealed class DocxDocumentReaderTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTemporaryFolder();

    public void Dispose() => TestPaths.DeleteQuietly(_folder);

    [Fact]
    public async Task ReadAsync_SplitsAtHeadingStyles_AndNumbersListParagraphs()
    {
        var path = Path.Combine(_folder, "Sun Safety Policy.docx");
        CreateDocument(path, withCustomProperties: true);

        var content = await new DocxDocumentReader().ReadAsync(path, CancellationToken.None);

        Assert.Equal(["Sun safety", "Sun safety › On trips"], content.Sections.Select(section => section.Heading));
        Assert.Equal("Pupils bring sun cream.\n\n1. Check the forecast.\n2. Take water.", content.Sections[1].Text);
    }

    [Fact]
    public async Task ReadAsync_TakesMetadataFromCustomProperties_ThenCoreProperties()
    {
        var path = Path.Combine(_folder, "Sun Safety Policy.docx");
        CreateDocument(path, withCustomProperties: true);

        var document = (await new DocxDocumentReader().ReadAsync(path, CancellationToken.None)).Document;

        Assert.Equal("policy-sun-safety", document.Id);
        Assert.Equal("Sun safety policy", document.Title);
        Assert.Equal(KnowledgeCategory.Policy, document.Category);
        Assert.Equal("School nurse", document.Owner);
        Assert.Equal(new DateOnly(2025, 5, 1), document.Reviewed);
        Assert.Equal(new DateOnly(2026, 5, 1), document.NextReview);
        Assert.True(document.IsApproved);
    }

    [Fact]
    public async Task ReadAsync_FallsBackToTheFileName_AndMarksTheDocumentUnapproved_WithoutProperties()
    {
        var path = Path.Combine(_folder, "Sun Safety Policy.docx");
        CreateDocument(path, withCustomProperties: false);

        var document = (await new DocxDocumentReader().ReadAsync(path, CancellationToken.None)).Document;

        Assert.Equal("sun-safety-policy", document.Id);
        Assert.Equal("Sun safety policy", document.Title);
        Assert.False(document.IsApproved);
        Assert.Equal(document.Reviewed.AddYears(1), document.NextReview);
    }

    [Fact]
    public async Task ReadAsync_RejectsAFileThatIsNotAWordDocument()
    {
        var path = Path.Combine(_folder, "fake.docx");
        await File.WriteAllTextAsync(path, "not a zip");

        await Assert.ThrowsAsync<InvalidDataException>(() => new DocxDocumentReader().ReadAsync(path, CancellationToken.None));
    }

    internal static void CreateDocument(string path, bool withCustomProperties)
    {
        using var word = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Decimal }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 7 });
        main.Document = new Document(new Body(
            Heading("Heading1", "Sun safety"),
            Paragraph("Pupils should be protected from the sun."),
            Heading("Heading2", "On trips"),
            Paragraph("Pupils bring sun cream."),
            ListItem("Check the forecast."),
            ListItem("Take water.")));
        word.PackageProperties.Title = "Sun safety policy";
        word.PackageProperties.Modified = new DateTime(2025, 5, 1, 9, 0, 0, DateTimeKind.Utc);
        if (withCustomProperties)
        {
            var custom = word.AddCustomFilePropertiesPart();
            custom.Properties = new Properties(
                Property(2, "id", "policy-sun-safety"),
                Property(3, "category", "policy"),
                Property(4, "owner", "School nurse"),
                Property(5, "approved-by", "Headteacher, 2025-05-02"));
        }
    }

    private static Paragraph Heading(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text)));

    private static Paragraph Paragraph(string text) => new(new Run(new Text(text)));

    private static Paragraph ListItem(string text) =>
        new(
            new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 7 })),
            new Run(new Text(text)));

    private static CustomDocumentProperty Property(int id, string name, string value) =>
        new(new VTLPWSTR(value)) { FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", PropertyId = id, Name = name };
}

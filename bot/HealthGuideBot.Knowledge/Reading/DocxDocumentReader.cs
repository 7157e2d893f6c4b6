using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HealthGuideBot.Core.Knowledge;

namespace HealthGuideBot.Knowledge.Reading;

/// <summary>
/// Word documents: sections at paragraphs styled Heading 1–3; metadata from custom document properties named as the
/// front matter keys (id, title, category, owner, reviewed, next-review, approved-by, audience, call-999-first),
/// falling back to the core properties (Identifier, Title, Category, Modified) and the file name. A document without
/// an <c>approved-by</c> property is indexed as unapproved; without <c>next-review</c>, review is due a year after
/// <c>reviewed</c>.
/// </summary>
internal sealed class DocxDocumentReader : IKnowledgeDocumentReader
{
    private const string DefaultAudience = "all-staff";
    private const string UnknownOwner = "Not recorded";

    public IReadOnlyList<string> Extensions { get; } = [".docx"];

    public Task<KnowledgeDocumentContent> ReadAsync(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var word = WordprocessingDocument.Open(path, isEditable: false);
            return Task.FromResult(Read(word, Path.GetFileName(path)));
        }
        catch (Exception exception) when (exception is OpenXmlPackageException or FileFormatException or IOException and not FileNotFoundException)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: not a readable Word document ({exception.Message}).", exception);
        }
    }

    internal static KnowledgeDocumentContent Read(WordprocessingDocument word, string sourceFile)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var core = word.PackageProperties;
        Put(values, DocumentMetadata.Id, core.Identifier);
        Put(values, DocumentMetadata.Title, core.Title);
        Put(values, DocumentMetadata.Category, core.Category);
        Put(values, DocumentMetadata.Reviewed, (core.Modified ?? core.Created)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var property in word.CustomFilePropertiesPart?.Properties?.Elements<DocumentFormat.OpenXml.CustomProperties.CustomDocumentProperty>() ?? [])
        {
            if (property.Name?.Value is { } name)
            {
                Put(values, name.Trim(), property.InnerText);
            }
        }

        values.TryAdd(DocumentMetadata.Id, DocumentMetadata.IdFromFileName(sourceFile));
        values.TryAdd(DocumentMetadata.Title, Path.GetFileNameWithoutExtension(sourceFile));
        values.TryAdd(DocumentMetadata.Category, nameof(KnowledgeCategory.Policy));
        values.TryAdd(DocumentMetadata.Owner, UnknownOwner);
        values.TryAdd(DocumentMetadata.ApprovedBy, KnowledgeDocument.ApprovalNotRecorded);
        values.TryAdd(DocumentMetadata.Audience, DefaultAudience);
        if (!values.ContainsKey(DocumentMetadata.NextReview)
            && values.TryGetValue(DocumentMetadata.Reviewed, out var reviewed)
            && DateOnly.TryParseExact(reviewed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reviewedDate))
        {
            values[DocumentMetadata.NextReview] = reviewedDate.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var document = DocumentMetadata.ToDocument(values, sourceFile);
        var collector = new SectionCollector(document.Id);
        var body = word.MainDocumentPart?.Document?.Body;
        var numbering = new ListNumbering(word.MainDocumentPart?.NumberingDefinitionsPart);
        foreach (var paragraph in body?.Descendants<Paragraph>() ?? [])
        {
            var text = string.Concat(paragraph.Descendants<Text>().Select(run => run.Text)).Trim();
            if (text.Length == 0)
            {
                collector.Line(string.Empty);
                continue;
            }

            var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? string.Empty;
            if (HeadingLevel(style) is var level and > 0)
            {
                numbering.Reset();
                collector.Heading(level, text);
            }
            else if (paragraph.ParagraphProperties?.NumberingProperties is { } list)
            {
                collector.Line(numbering.Marker(list) + text);
            }
            else
            {
                collector.Line(text);
                collector.Line(string.Empty);
            }
        }

        return new KnowledgeDocumentContent(document, collector.Complete()) { Preamble = collector.Preamble };
    }

    private static int HeadingLevel(string style) => style.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "heading1" or "title" => 1,
        "heading2" => 2,
        "heading3" => 3,
        _ => 0,
    };

    private static void Put(Dictionary<string, string> values, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            values[key] = value.Trim();
        }
    }
}

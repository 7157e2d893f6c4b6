using System.Globalization;
using HealthGuideBot.Core.Knowledge;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace HealthGuideBot.Knowledge.Reading;

/// <summary>
/// PDF documents (text PDFs; scanned images have no text to index). Headings are lines set noticeably larger than
/// the body text: the largest size is level 1, the next level 2, then level 3. Metadata comes from the document
/// information dictionary: custom entries named as the front matter keys, then Title and the file name, with the
/// same defaults as Word documents.
/// </summary>
internal sealed class PdfDocumentReader : IKnowledgeDocumentReader
{
    private const double HeadingSizeRatio = 1.15;
    private const int MaximumHeadingWords = 14;

    public IReadOnlyList<string> Extensions { get; } = [".pdf"];

    public Task<KnowledgeDocumentContent> ReadAsync(string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var pdf = PdfDocument.Open(path);
            return Task.FromResult(Read(pdf, Path.GetFileName(path), cancellationToken));
        }
        catch (PdfDocumentFormatException exception)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: not a readable PDF ({exception.Message}).", exception);
        }
    }

    internal static KnowledgeDocumentContent Read(PdfDocument pdf, string sourceFile, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(pdf.Information.Title))
        {
            values[DocumentMetadata.Title] = pdf.Information.Title.Trim();
        }

        if ((pdf.Information.GetModifiedDateTimeOffset() ?? pdf.Information.GetCreatedDateTimeOffset()) is { } date)
        {
            values[DocumentMetadata.Reviewed] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        foreach (var (name, token) in pdf.Information.DocumentInformationDictionary?.Data ?? new Dictionary<string, IToken>())
        {
            if (DocumentMetadata.Required.Contains(name, StringComparer.OrdinalIgnoreCase)
                || string.Equals(name, DocumentMetadata.CallNineNineNineFirst, StringComparison.OrdinalIgnoreCase))
            {
                if (token is StringToken { Data: { Length: > 0 } text })
                {
                    values[name] = text.Trim();
                }
            }
        }

        values.TryAdd(DocumentMetadata.Id, DocumentMetadata.IdFromFileName(sourceFile));
        values.TryAdd(DocumentMetadata.Title, Path.GetFileNameWithoutExtension(sourceFile));
        values.TryAdd(DocumentMetadata.Category, nameof(KnowledgeCategory.Policy));
        values.TryAdd(DocumentMetadata.Owner, "Not recorded");
        values.TryAdd(DocumentMetadata.ApprovedBy, KnowledgeDocument.ApprovalNotRecorded);
        values.TryAdd(DocumentMetadata.Audience, "all-staff");
        if (!values.ContainsKey(DocumentMetadata.NextReview)
            && values.TryGetValue(DocumentMetadata.Reviewed, out var reviewed)
            && DateOnly.TryParseExact(reviewed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reviewedDate))
        {
            values[DocumentMetadata.NextReview] = reviewedDate.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var document = DocumentMetadata.ToDocument(values, sourceFile);
        var lines = new List<TextLine>();
        foreach (var page in pdf.GetPages())
        {
            cancellationToken.ThrowIfCancellationRequested();
            lines.AddRange(Lines(page));
        }

        var collector = new SectionCollector(document.Id);
        if (lines.Count == 0)
        {
            return new KnowledgeDocumentContent(document, collector.Complete()) { Preamble = collector.Preamble };
        }

        var body = BodySize(lines);
        var headingSizes = lines
            .Where(line => IsHeading(line, body))
            .Select(line => Math.Round(line.Size, 1))
            .Distinct()
            .OrderDescending()
            .ToList();
        foreach (var line in lines)
        {
            if (IsHeading(line, body))
            {
                collector.Heading(Math.Min(3, headingSizes.IndexOf(Math.Round(line.Size, 1)) + 1), line.Text);
            }
            else
            {
                collector.Line(line.Text.StartsWith('•') ? "- " + line.Text.TrimStart('•', ' ') : line.Text);
            }
        }

        return new KnowledgeDocumentContent(document, collector.Complete()) { Preamble = collector.Preamble };
    }

    private static bool IsHeading(TextLine line, double bodySize) =>
        line.Size >= bodySize * HeadingSizeRatio && line.WordCount <= MaximumHeadingWords;

    private static double BodySize(List<TextLine> lines)
    {
        // The size that carries the most characters is the body text.
        return lines.GroupBy(line => Math.Round(line.Size, 1))
            .OrderByDescending(group => group.Sum(line => line.Text.Length))
            .First().Key;
    }

    private static IEnumerable<TextLine> Lines(Page page)
    {
        var words = page.GetWords().Where(word => !string.IsNullOrWhiteSpace(word.Text)).ToList();
        return words
            .GroupBy(word => Math.Round(word.BoundingBox.Bottom / 2.0))
            .OrderByDescending(group => group.Key)
            .Select(group =>
            {
                var ordered = group.OrderBy(word => word.BoundingBox.Left).ToList();
                var size = ordered.SelectMany(word => word.Letters).Average(letter => letter.PointSize);
                return new TextLine(string.Join(' ', ordered.Select(word => word.Text)), size, ordered.Count);
            });
    }

    private readonly record struct TextLine(string Text, double Size, int WordCount);
}

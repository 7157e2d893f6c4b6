using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HealthGuideBot.Infrastructure.HealthcarePlans;

/// <summary>
/// A small writer for the plan documents: headings, labelled paragraphs, bordered tables, a shaded box and a footer,
/// all with direct formatting (no styles part to keep in step). Text goes in as text runs, never as markup.
/// </summary>
internal sealed class WordDocumentBuilder
{
    private const string Font = "Arial";
    private readonly List<OpenXmlElement> _body = [];
    private readonly int _bodySizeHalfPoints;

    public WordDocumentBuilder(int bodySizePoints) => _bodySizeHalfPoints = bodySizePoints * 2;

    public WordDocumentBuilder Title(string text) => Add(Paragraph(text, bold: true, sizeHalfPoints: _bodySizeHalfPoints + 12, spacingAfter: 120));

    public WordDocumentBuilder Heading(string text) => Add(Paragraph(text, bold: true, sizeHalfPoints: _bodySizeHalfPoints + 4, spacingBefore: 200, spacingAfter: 60, keepWithNext: true));

    public WordDocumentBuilder Text(string? text, bool bold = false, string? color = null) =>
        Add(Paragraph(text ?? string.Empty, bold, _bodySizeHalfPoints, color: color));

    /// <summary>"Label: value" on one paragraph, the label in bold; "Not recorded" for a blank value.</summary>
    public WordDocumentBuilder Field(string label, string? value)
    {
        var paragraph = new Paragraph(ParagraphProperties(0, 40, keepWithNext: false));
        paragraph.Append(Run(label + ": ", bold: true, _bodySizeHalfPoints, null));
        AppendText(paragraph, string.IsNullOrWhiteSpace(value) ? "Not recorded" : value, bold: false, _bodySizeHalfPoints, null);
        return Add(paragraph);
    }

    /// <summary>A bordered table with a shaded header row.</summary>
    public WordDocumentBuilder Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            Borders("808080", 4),
            new TableLayout { Type = TableLayoutValues.Autofit }));
        var grid = new TableGrid();
        foreach (var _ in headers)
        {
            grid.Append(new GridColumn { Width = (9000 / headers.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        table.Append(grid);
        table.Append(Row(headers, header: true));
        var any = false;
        foreach (var row in rows)
        {
            table.Append(Row(row, header: false));
            any = true;
        }

        if (!any)
        {
            table.Append(Row([.. headers.Select((_, i) => i == 0 ? "None recorded" : string.Empty)], header: false));
        }

        return Add(table).Add(Paragraph(string.Empty, false, 8));
    }

    /// <summary>A one-cell table with a thick red border and pale red shading: the emergency, impossible to miss.</summary>
    public WordDocumentBuilder Box(Action<WordDocumentBuilder> content)
    {
        var inner = new WordDocumentBuilder(_bodySizeHalfPoints / 2);
        content(inner);
        var cell = new TableCell(new TableCellProperties(
            new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "FDE9E7" }));
        cell.Append(inner._body.Count == 0 ? [Paragraph(string.Empty, false, 8)] : inner._body);
        var table = new Table(
            new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, Borders("C00000", 18)),
            new TableGrid(new GridColumn { Width = "9000" }),
            new TableRow(cell));
        return Add(table).Add(Paragraph(string.Empty, false, 8));
    }

    /// <summary>Writes the package: A4, the given margins (twentieths of a point), and the footer on every page.</summary>
    public byte[] Build(string footer, int marginTwips)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var footerPart = main.AddNewPart<FooterPart>();
            footerPart.Footer = new Footer(Paragraph(footer, bold: false, sizeHalfPoints: 16, color: "595959"));
            var body = new Body();
            foreach (var element in _body)
            {
                body.Append(element);
            }

            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footerPart) },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin
                {
                    Top = marginTwips, Bottom = marginTwips, Left = (uint)marginTwips, Right = (uint)marginTwips,
                    Header = 360U, Footer = 360U, Gutter = 0U,
                }));
            main.Document = new Document(body);
            document.PackageProperties.Title = "Healthcare plan";
        }

        return stream.ToArray();
    }

    private WordDocumentBuilder Add(OpenXmlElement element)
    {
        _body.Add(element);
        return this;
    }

    private TableRow Row(IReadOnlyList<string?> values, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var value in values)
        {
            var properties = new TableCellProperties();
            if (header)
            {
                properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9E2F3" });
            }

            row.Append(new TableCell(properties, Paragraph(value ?? string.Empty, header, _bodySizeHalfPoints)));
        }

        return row;
    }

    private static TableBorders Borders(string color, uint size) => new(
        new TopBorder { Val = BorderValues.Single, Size = size, Color = color },
        new LeftBorder { Val = BorderValues.Single, Size = size, Color = color },
        new BottomBorder { Val = BorderValues.Single, Size = size, Color = color },
        new RightBorder { Val = BorderValues.Single, Size = size, Color = color },
        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" },
        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" });

    private static Paragraph Paragraph(string text, bool bold, int sizeHalfPoints, int spacingBefore = 0, int spacingAfter = 40, bool keepWithNext = false, string? color = null)
    {
        var paragraph = new Paragraph(ParagraphProperties(spacingBefore, spacingAfter, keepWithNext));
        AppendText(paragraph, text, bold, sizeHalfPoints, color);
        return paragraph;
    }

    private static ParagraphProperties ParagraphProperties(int before, int after, bool keepWithNext)
    {
        var properties = new ParagraphProperties();
        if (keepWithNext)
        {
            properties.Append(new KeepNext());
        }

        properties.Append(new SpacingBetweenLines
        {
            Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture),
            After = after.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return properties;
    }

    /// <summary>Text with line breaks kept as breaks (never parsed as markup).</summary>
    private static void AppendText(Paragraph paragraph, string text, bool bold, int sizeHalfPoints, string? color)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = Run(lines[i], bold, sizeHalfPoints, color);
            if (i > 0)
            {
                run.InsertAt(new Break(), 1);
            }

            paragraph.Append(run);
        }
    }

    private static Run Run(string text, bool bold, int sizeHalfPoints, string? color)
    {
        var properties = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font });
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (color is not null)
        {
            properties.Append(new Color { Val = color });
        }

        properties.Append(new FontSize { Val = sizeHalfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Run(properties, new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>XML 1.0 cannot carry most control characters: drop them rather than write a corrupt document.</summary>
    private static string Clean(string text) =>
        text.Any(c => char.IsControl(c) && c != '\t') ? new string([.. text.Where(c => !char.IsControl(c) || c == '\t')]) : text;
}

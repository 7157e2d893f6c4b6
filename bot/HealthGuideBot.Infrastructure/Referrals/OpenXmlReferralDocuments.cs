using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using HealthGuideBot.Core;
using HealthGuideBot.Core.Referrals;

namespace HealthGuideBot.Infrastructure.Referrals;

/// <summary>
/// The referral as a Word document: the reference, service, pupil and submission date, a safeguarding note when a
/// risk was indicated, then each section as a two-column table of questions and answers.
/// </summary>
internal sealed class OpenXmlReferralDocuments : IReferralDocuments
{
    public byte[] BuildDocument(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Heading($"Referral to {referral.ServiceName}", 32));
            var submitted = TimeZoneInfo.ConvertTime(referral.SubmittedAt, SchoolCalendar.TimeZone);
            body.Append(Table(
            [
                ("Reference", referral.Reference),
                ("Pupil", $"{referral.PupilName} ({referral.ClassName})"),
                ("Submitted", submitted.ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"))),
                ("Version", referral.Version.ToString(CultureInfo.InvariantCulture)),
            ]));

            if (referral.RiskIndicated)
            {
                body.Append(Paragraph("Safeguarding: an answer in this referral indicated a risk of harm. The referrer was directed to the designated safeguarding lead and to 999 if the child was in immediate danger.", bold: true));
            }

            foreach (var section in referral.Answers.GroupBy(a => a.Section))
            {
                body.Append(Heading(section.Key, 26));
                body.Append(Table([.. section.Select(a => (a.Label, a.Prefilled ? $"{a.Value} (pre-filled from the school's records)" : a.Value))]));
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Heading(string text, int halfPoints) =>
        new(new Run(new RunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }), new Text(text)));

    private static Paragraph Paragraph(string text, bool bold = false) =>
        new(new Run(bold ? new RunProperties(new Bold()) : new RunProperties(), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Table(IReadOnlyList<(string Label, string Value)> rows)
    {
        var table = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        foreach (var (label, value) in rows)
        {
            table.Append(new TableRow(
                new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = "1750" }), Paragraph(label, bold: true)),
                new TableCell(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Pct, Width = "3250" }), Paragraph(value))));
        }

        return table;
    }
}

using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using HealthGuideBot.Core.HealthcarePlans;
using HealthGuideBot.Infrastructure.HealthcarePlans;
using HealthGuideBot.Testing.HealthcarePlans;

namespace HealthGuideBot.Infrastructure.Tests.HealthcarePlans;

public sealed class OpenXmlPlanDocumentsTests
{
    private readonly OpenXmlPlanDocuments _documents = new("Sample Primary School");

    [Fact]
    public void RenderPlan_IsAValidWordDocument_LaidOutLikeTemplateA()
    {
        var plan = SamplePlans.SamTaylorAsthma(version: 3);

        using var document = Open(_documents.RenderPlan(plan));

        Assert.Empty(new OpenXmlValidator().Validate(document));
        var body = document.MainDocumentPart!.Document!.Body!;
        var text = body.InnerText;
        string[] inOrder =
        [
            "Individual healthcare plan", "Sample Primary School", "Sam Taylor", "5B", "14/03/2015", "Asthma (moderate)",
            "01/09/2026", "01/09/2027", "Family contact information", "Clinic, hospital and GP", "responsible for providing support",
            "medical needs", "Medicines", "Daily care", "educational, social and emotional", "visits and trips", "Other information",
            "In an emergency", "Plan developed with", "Staff training", "Form copied to",
        ];
        var at = 0;
        foreach (var expected in inOrder)
        {
            var found = text.IndexOf(expected, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{expected}' is missing or out of Template A order");
            at = found;
        }

        var tables = body.Descendants<Table>().ToArray();
        Assert.Contains(tables, t => t.InnerText.Contains("Jo Taylor", StringComparison.Ordinal) && t.InnerText.Contains("07700 900001", StringComparison.Ordinal));
        Assert.Contains(tables, t => t.InnerText.Contains("Salbutamol", StringComparison.Ordinal) && t.InnerText.Contains("Red bag in 5B", StringComparison.Ordinal));
        var emergency = Assert.Single(tables, t => t.InnerText.Contains("What counts as an emergency", StringComparison.Ordinal));
        Assert.Equal("C00000", emergency.GetFirstChild<TableProperties>()!.TableBorders!.TopBorder!.Color!.Value);
        Assert.Contains("parent or carer, the pupil, the school nurse, Respiratory nurse specialist", text, StringComparison.Ordinal);
        Assert.Contains("Version 3", Footer(document), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderEmergencySummary_IsOneValidPage_WithCall999First_AndWhereMedicinesAreKept()
    {
        var plan = SamplePlans.SamTaylorAsthma(version: 2);

        using var document = Open(_documents.RenderEmergencySummary(plan));

        Assert.Empty(new OpenXmlValidator().Validate(document));
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.DoesNotContain(body.Descendants<Break>(), b => b.Type?.Value == BreakValues.Page);
        Assert.Empty(body.Descendants<LastRenderedPageBreak>());
        Assert.Single(body.Elements<SectionProperties>());
        var text = body.InnerText;
        Assert.Contains("Sam Taylor", text, StringComparison.Ordinal);
        Assert.Contains("5B", text, StringComparison.Ordinal);
        Assert.Contains("Cold air, exercise", text, StringComparison.Ordinal);
        var box = Assert.Single(body.Elements<Table>(), t => t.InnerText.Contains("What to do", StringComparison.Ordinal));
        Assert.StartsWith("CALL 999 FIRST", box.InnerText, StringComparison.Ordinal);
        Assert.Contains("Red bag in 5B classroom; spare in the school office", text, StringComparison.Ordinal);
        Assert.Contains("07700 900001", text, StringComparison.Ordinal);
        Assert.Contains("Class teacher, then the first aider on duty", text, StringComparison.Ordinal);
        Assert.Contains("01/09/2027", text, StringComparison.Ordinal);
        Assert.Contains("Version 2", Footer(document), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderEmergencySummary_StaysBounded_WhenThePlanIsVeryLong()
    {
        var longText = string.Concat(Enumerable.Repeat("Very long instructions. ", 200));
        var plan = SamplePlans.SamTaylorAsthma() with
        {
            Condition = longText,
            Emergency = new PlanEmergency(longText, longText, longText, longText),
            Medicines = [.. Enumerable.Range(1, 12).Select(i => new PlanMedicine($"Medicine {i}", longText, "oral", "daily", null, null, MedicineAdministration.StaffAdministered, "office"))],
        };

        using var document = Open(_documents.RenderEmergencySummary(plan));

        Assert.Empty(new OpenXmlValidator().Validate(document));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.True(text.Length < 4000, $"the summary has {text.Length} characters; a page holds about 4000 at 10 pt");
        Assert.DoesNotContain("Medicine 5", text, StringComparison.Ordinal);
        Assert.Contains("(see the full plan)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderEmergencySummary_LeavesOutCall999_WhenThePlanDoesNotSaySo()
    {
        var plan = SamplePlans.SamTaylorAsthma() with
        {
            Emergency = new PlanEmergency("Blood sugar below 4", "Give glucose tablets, recheck in 15 minutes.", "First aider", null),
        };

        using var document = Open(_documents.RenderEmergencySummary(plan));

        Assert.DoesNotContain("999", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_KeepControlCharactersOut_SoTheXmlStaysValid()
    {
        var plan = SamplePlans.SamTaylorAsthma() with { Condition = "Asthma\u0001\u000b", OtherInformation = "line one\r\nline two" };

        using var document = Open(_documents.RenderPlan(plan));

        Assert.Empty(new OpenXmlValidator().Validate(document));
        Assert.Contains("line oneline two", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        Assert.NotEmpty(document.MainDocumentPart.Document.Body.Descendants<Break>());
    }

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);

    private static string Footer(WordprocessingDocument document) => Assert.Single(document.MainDocumentPart!.FooterParts).Footer!.InnerText;
}

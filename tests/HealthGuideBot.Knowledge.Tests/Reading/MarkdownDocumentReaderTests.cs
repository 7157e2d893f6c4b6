using HealthGuideBot.Core.Knowledge;
using HealthGuideBot.Knowledge.Reading;

namespace HealthGuideBot.Knowledge.Tests.Reading;

public sealed class MarkdownDocumentReaderTests
{
    private const string Sample = """
        ---
        id: policy-trips
        title: Trips policy
        category: policy
        owner: Educational visits coordinator
        reviewed: 2025-09-01
        next-review: 2026-09-01
        approved-by: Governing body, 2025-09-10
        audience: all-staff
        ---

        **Introductory paragraph.**

        # Trips policy

        ## Planning a trip

        Risk assessments are done first.

        ### Medicines on trips

        - Take inhalers and AAIs.
        - Keep the IHP with the first aider.

        ## Planning a trip

        A second heading with the same words.
        """;

    [Fact]
    public void Parse_ReadsFrontMatterIntoTheDocument()
    {
        var content = MarkdownDocumentReader.Parse(Sample, "policy-trips.md");

        var document = content.Document;
        Assert.Equal("policy-trips", document.Id);
        Assert.Equal("Trips policy", document.Title);
        Assert.Equal(KnowledgeCategory.Policy, document.Category);
        Assert.Equal("Educational visits coordinator", document.Owner);
        Assert.Equal(new DateOnly(2025, 9, 1), document.Reviewed);
        Assert.Equal(new DateOnly(2026, 9, 1), document.NextReview);
        Assert.True(document.IsApproved);
        Assert.False(document.CallNineNineNineFirst);
    }

    [Fact]
    public void Parse_SplitsSectionsAtLevelTwoAndThreeHeadings_KeepingTheHeadingPath()
    {
        var sections = MarkdownDocumentReader.Parse(Sample, "policy-trips.md").Sections;

        Assert.Equal(
            ["Planning a trip", "Planning a trip › Medicines on trips", "Planning a trip"],
            sections.Select(section => section.Heading));
        Assert.Equal("- Take inhalers and AAIs.\n- Keep the IHP with the first aider.", sections[1].Text);
        Assert.Equal("policy-trips#planning-a-trip-medicines-on-trips", sections[1].Id);
        Assert.Equal("planning-a-trip-2", sections[2].Anchor);
        Assert.Equal([0, 1, 2], sections.Select(section => section.Ordinal));
    }

    [Fact]
    public void Parse_KeepsTheTextBeforeTheFirstHeadingAsThePreamble_NotAsASection()
    {
        var content = MarkdownDocumentReader.Parse(Sample, "policy-trips.md");

        Assert.Equal("**Introductory paragraph.**", content.Preamble);
        Assert.DoesNotContain(content.Sections, section => section.Text.Contains("Introductory", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_KeepsTheTextOfADocumentWithoutHeadings_AsOneSection()
    {
        var text = Sample[..(Sample.IndexOf("# Trips policy", StringComparison.Ordinal))] + "Pupils take their inhalers on every trip.\n";

        var content = MarkdownDocumentReader.Parse(text, "policy-trips.md");

        var section = Assert.Single(content.Sections);
        Assert.Equal("Introduction", section.Heading);
        Assert.Contains("inhalers on every trip", section.Text, StringComparison.Ordinal);
        Assert.Null(content.Preamble);
    }

    [Fact]
    public void Parse_TreatsTheSampleApprovalAsUnapproved()
    {
        var text = Sample.Replace("approved-by: Governing body, 2025-09-10", "approved-by: SAMPLE – not yet approved by the school", StringComparison.Ordinal);

        Assert.False(MarkdownDocumentReader.Parse(text, "x.md").Document.IsApproved);
    }

    [Theory]
    [InlineData("no front matter at all", "must start with YAML front matter")]
    [InlineData("---\nid: x\n", "no closing")]
    [InlineData("---\nid: Bad Id\ntitle: t\ncategory: policy\nowner: o\nreviewed: 2025-01-01\nnext-review: 2026-01-01\napproved-by: a\naudience: all-staff\n---\n", "'id' is 'Bad Id'")]
    [InlineData("---\nid: x\ntitle: t\ncategory: memo\nowner: o\nreviewed: 1 May\nnext-review: 2026-01-01\napproved-by: a\naudience: all-staff\n---\n", "'reviewed' is '1 May'")]
    [InlineData("---\nid: x\ntitle: t\ncategory: policy\n---\n", "'owner' is missing")]
    public void Parse_RejectsMalformedDocuments_NamingTheFileAndTheProblem(string text, string problem)
    {
        var exception = Assert.Throws<InvalidDataException>(() => MarkdownDocumentReader.Parse(text, "broken.md"));

        Assert.Contains("broken.md", exception.Message, StringComparison.Ordinal);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ReadsEveryRealKnowledgeDocument()
    {
        var reader = new MarkdownDocumentReader();
        foreach (var path in Directory.EnumerateFiles(TestPaths.KnowledgeFolder, "*.md", SearchOption.AllDirectories)
                     .Where(path => Path.GetFileName(path) != "README.md"))
        {
            var content = await reader.ReadAsync(path, CancellationToken.None);

            Assert.Equal(Path.GetFileNameWithoutExtension(path), content.Document.Id);
            Assert.NotEmpty(content.Sections);
            Assert.All(content.Sections, section => Assert.False(string.IsNullOrWhiteSpace(section.Text)));
        }
    }
}

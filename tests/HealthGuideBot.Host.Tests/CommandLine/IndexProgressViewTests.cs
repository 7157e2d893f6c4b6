using HealthGuideBot.Host.CommandLine;
using HealthGuideBot.Knowledge.Indexing;
using Microsoft.Extensions.Time.Testing;

namespace HealthGuideBot.Host.Tests.CommandLine;

/// <summary>The <c>index</c> command's progress: a bar on a terminal, plain lines in a pipe or a log.</summary>
public sealed class IndexProgressViewTests
{
    private static readonly KnowledgeIndexBuildResult Built = new("/tmp/index/gen-1", 4, 40);

    [Fact]
    public void Redirected_PrintsPlainLines_EachTenthOnce_AndASummary()
    {
        using var output = new StringWriter();
        var view = new IndexProgressView(output, interactive: false, new FakeTimeProvider());

        Feed(view);
        view.Complete(Built with { Warnings = ["Skipped minutes.xlsx: not a Markdown, Word or PDF document."] }, "/srv/index", TimeSpan.FromMilliseconds(1234));

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        string[] expected =
            [
                "Reading: 0/4 documents (0%)",
                "Reading: 1/4 documents (25%)",
                "Reading: 2/4 documents (50%)",
                "Reading: 3/4 documents (75%)",
                "Reading: 4/4 documents (100%)",
                "Indexing: 0/40 sections (0%)",
                .. Enumerable.Range(1, 10).Select(tenth => $"Indexing: {tenth * 4}/40 sections ({tenth * 10}%)"),
                "Committing: 40/40 sections (100%)",
                "Indexed 4 documents, 40 sections in 1.2 s into /srv/index",
                "1 warning(s):",
                "- Skipped minutes.xlsx: not a Markdown, Word or PDF document.",
            ];
        Assert.Equal(expected, lines);
        Assert.DoesNotContain(output.ToString().Replace(Environment.NewLine, "\n", StringComparison.Ordinal), c => char.IsControl(c) && c != '\n');
    }

    [Fact]
    public void Redirected_ALargeBuild_StaysAFewLinesLong()
    {
        using var output = new StringWriter();
        var view = new IndexProgressView(output, interactive: false, new FakeTimeProvider());

        view.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Indexing, 1000, 1000, 0, 10_000));
        for (var i = 1; i <= 10_000; i++)
        {
            view.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Indexing, 1000, 1000, i, 10_000));
        }

        Assert.Equal(11, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Terminal_RedrawsOneBarPerStageInPlace_AtMostEvery100Ms_AndEndsEachStageAtItsTotal()
    {
        using var output = new StringWriter();
        var time = new FakeTimeProvider();
        var view = new IndexProgressView(output, interactive: true, time);

        view.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Indexing, 4, 4, 0, 40));
        view.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Indexing, 4, 4, 10, 40)); // within 100 ms: not drawn
        time.Advance(TimeSpan.FromMilliseconds(100));
        view.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Indexing, 4, 4, 20, 40));
        view.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Indexing, 4, 4, 39, 40)); // throttled, but...
        view.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Done, 4, 4, 40, 40)); // ...the stage ends drawn at its last state
        view.Complete(Built, "/srv/index", TimeSpan.FromSeconds(2));

        var text = output.ToString();
        var frames = text.Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Indexing   [..............................]   0%  0/40 sections", frames[0]);
        Assert.Equal("Indexing   [###############...............]  50%  20/40 sections", frames[1]);
        Assert.StartsWith("Indexing   [#############################.]  97%  39/40 sections" + Environment.NewLine, frames[2], StringComparison.Ordinal);
        Assert.Equal(3, frames.Length);
        Assert.Contains("Indexed 4 documents, 40 sections in 2.0 s into /srv/index" + Environment.NewLine + "No warnings.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bar_IsFullAndAtTotal_WhenEverythingIsDone() =>
        Assert.Equal(
            "Reading    [##############################] 100%  17/17 documents",
            IndexProgressView.Bar(new KnowledgeIndexProgress(KnowledgeIndexStage.Reading, 17, 17, 0, 0)));

    private static void Feed(IndexProgressView view)
    {
        for (var read = 0; read <= 4; read++)
        {
            view.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Reading, read, 4, 0, 0));
        }

        for (var indexed = 0; indexed <= 40; indexed++)
        {
            view.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Indexing, 4, 4, indexed, 40));
        }

        view.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Committing, 4, 4, 40, 40));
        view.Report(new KnowledgeIndexProgress(KnowledgeIndexStage.Done, 4, 4, 40, 40));
    }
}

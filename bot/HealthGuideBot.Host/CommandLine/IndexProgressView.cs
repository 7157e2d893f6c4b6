using System.Globalization;
using HealthGuideBot.Knowledge.Indexing;

namespace HealthGuideBot.Host.CommandLine;

/// <summary>
/// Shows an index build's progress. On a terminal: one bar per stage, redrawn in place with a carriage return at most
/// every 100 ms (and always at a stage's end). Redirected to a file or a pipe: plain lines, one when a stage starts
/// and one each time it passes another tenth of its total, with no control characters. Reports must arrive in order
/// on one thread (the builder reports synchronously).
/// </summary>
internal sealed class IndexProgressView : IProgress<KnowledgeIndexProgress>
{
    private const int BarWidth = 30;
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _output;
    private readonly bool _interactive;
    private readonly TimeProvider _time;
    private KnowledgeIndexProgress? _last;
    private long _lastDrawn;
    private int _lastTenth = -1;
    private bool _lineOpen;

    public IndexProgressView(TextWriter output, bool interactive, TimeProvider time)
    {
        _output = output;
        _interactive = interactive;
        _time = time;
    }

    /// <summary>Draws bars when the writer is a terminal: standard error not redirected, and TERM is not "dumb".</summary>
    public static bool IsTerminal() =>
        !Console.IsErrorRedirected && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    public void Report(KnowledgeIndexProgress value)
    {
        var stageChanged = _last is not { } last || last.Stage != value.Stage;
        if (stageChanged && _last is { } previous)
        {
            FinishStage(previous);
        }

        _last = value;
        if (value.Stage == KnowledgeIndexStage.Done)
        {
            return;
        }

        if (_interactive)
        {
            var now = _time.GetTimestamp();
            if (stageChanged || IsStageComplete(value) || _time.GetElapsedTime(_lastDrawn, now) >= RedrawInterval)
            {
                _output.Write("\r" + Bar(value));
                _output.Flush();
                _lineOpen = true;
                _lastDrawn = now;
            }

            return;
        }

        var (done, total) = Counts(value);
        var tenth = total == 0 ? 10 : (int)(10L * done / total);
        if (stageChanged)
        {
            _lastTenth = -1;
        }

        if (stageChanged || tenth > _lastTenth)
        {
            _output.WriteLine(Line(value));
            _lastTenth = tenth;
        }
    }

    /// <summary>The closing summary: documents, sections, time, warnings.</summary>
    public void Complete(KnowledgeIndexBuildResult result, string indexFolder, TimeSpan elapsed)
    {
        if (_lineOpen)
        {
            _output.WriteLine();
            _lineOpen = false;
        }

        _output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Indexed {result.DocumentCount} documents, {result.SectionCount} sections in {elapsed.TotalSeconds:0.0} s into {indexFolder}"));
        if (result.Warnings.Count == 0)
        {
            _output.WriteLine("No warnings.");
            return;
        }

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Warnings.Count} warning(s):"));
        foreach (var warning in result.Warnings)
        {
            _output.WriteLine("- " + warning);
        }
    }

    internal static string Bar(KnowledgeIndexProgress value)
    {
        var (done, total) = Counts(value);
        var filled = total == 0 ? BarWidth : (int)((long)BarWidth * done / total);
        var percent = total == 0 ? 100 : (int)(100L * done / total);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Label(value.Stage),-11}[{new string('#', filled)}{new string('.', BarWidth - filled)}] {percent,3}%  {done}/{total} {Unit(value.Stage)}");
    }

    internal static string Line(KnowledgeIndexProgress value)
    {
        var (done, total) = Counts(value);
        var percent = total == 0 ? 100 : (int)(100L * done / total);
        return string.Create(CultureInfo.InvariantCulture, $"{Label(value.Stage)}: {done}/{total} {Unit(value.Stage)} ({percent}%)");
    }

    private void FinishStage(KnowledgeIndexProgress previous)
    {
        if (_interactive)
        {
            // The stage's last state, drawn even when the throttle skipped it, then a new line for the next stage.
            _output.Write("\r" + Bar(previous));
            _output.WriteLine();
            _lineOpen = false;
        }
        else if (_lastTenth < 10)
        {
            _output.WriteLine(Line(previous)); // where a stage stopped short of its total
        }
    }

    private static bool IsStageComplete(KnowledgeIndexProgress value)
    {
        var (done, total) = Counts(value);
        return done >= total;
    }

    private static (int Done, int Total) Counts(KnowledgeIndexProgress value) => value.Stage switch
    {
        KnowledgeIndexStage.Reading => (value.DocumentsRead, value.DocumentsTotal),
        _ => (value.SectionsIndexed, value.SectionsTotal),
    };

    private static string Label(KnowledgeIndexStage stage) => stage switch
    {
        KnowledgeIndexStage.Reading => "Reading",
        KnowledgeIndexStage.Indexing => "Indexing",
        KnowledgeIndexStage.Committing => "Committing",
        _ => "Done",
    };

    private static string Unit(KnowledgeIndexStage stage) => stage == KnowledgeIndexStage.Reading ? "documents" : "sections";
}

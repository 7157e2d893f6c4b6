using System.Reflection;

namespace HealthGuideBot.LoadTool.Load;

/// <summary>
/// The answer workload's questions: the knowledge evaluation set (tests/HealthGuideBot.Knowledge.Tests/Evaluation/
/// questions.tsv and holdout.tsv), embedded at build time so the tool and the evaluation never drift apart.
/// Columns: question, expected document id(s) or <c>none</c>, emergency <c>yes</c>/<c>no</c>; <c>#</c> starts a comment.
/// </summary>
internal sealed class QuestionSet
{
    private const string ResourcePrefix = "questions/";

    private readonly LoadQuestion[] _questions;

    public QuestionSet(IEnumerable<LoadQuestion> questions)
    {
        _questions = [.. questions];
        if (_questions.Length == 0)
        {
            throw new LoadToolException("The answer workload has no questions.");
        }
    }

    public int Count => _questions.Length;

    public IReadOnlyList<LoadQuestion> Questions => _questions;

    /// <summary>The embedded evaluation questions (de-duplicated, in file order).</summary>
    public static QuestionSet LoadEmbedded()
    {
        var assembly = typeof(QuestionSet).Assembly;
        var questions = new List<LoadQuestion>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name) ?? throw new LoadToolException($"Missing embedded {name}.");
            using var reader = new StreamReader(stream);
            questions.AddRange(Parse(reader.ReadToEnd(), name));
        }

        return new QuestionSet(questions.DistinctBy(q => q.Text, StringComparer.Ordinal));
    }

    /// <summary>Parses one evaluation file; a line that is not three tab-separated columns is an error.</summary>
    public static IEnumerable<LoadQuestion> Parse(string tsv, string source)
    {
        var lineNumber = 0;
        foreach (var rawLine in tsv.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 3 || columns[0].Trim().Length == 0 || columns[2] is not ("yes" or "no"))
            {
                throw new LoadToolException($"{source} line {lineNumber}: expected question<TAB>document ids or none<TAB>yes or no.");
            }

            var kind = columns[2] == "yes" ? QuestionKind.Emergency
                : string.Equals(columns[1].Trim(), "none", StringComparison.Ordinal) ? QuestionKind.Refusal
                : QuestionKind.Policy;
            yield return new LoadQuestion(columns[0].Trim(), kind);
        }
    }

    /// <summary>
    /// The n-th question sent in a run (n counts every activity over all workers): consecutive activities get
    /// different questions, and a whole pass through the set goes by before any question repeats.
    /// </summary>
    public LoadQuestion ForActivity(long n) => _questions[(int)(n % _questions.Length)];
}

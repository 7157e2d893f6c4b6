namespace HealthGuideBot.Knowledge.Tests.Evaluation;

/// <summary>One row of questions.tsv.</summary>
internal sealed record EvaluationQuestion(string Question, IReadOnlyList<string> ExpectedDocumentIds, bool IsEmergency)
{
    public bool ExpectsRefusal => ExpectedDocumentIds.Count == 0;

    public static IReadOnlyList<EvaluationQuestion> Load(string path) =>
        File.ReadAllLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(columns => new EvaluationQuestion(
                columns[0],
                columns[1] == "none" ? [] : columns[1].Split('|'),
                columns[2] == "yes"))
            .ToArray();
}

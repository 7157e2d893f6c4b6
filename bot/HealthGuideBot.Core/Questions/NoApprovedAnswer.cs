namespace HealthGuideBot.Core.Questions;

/// <summary>"I don't have an approved answer to that; ask &lt;role&gt;." Nothing relevant was found, or the question is out of scope.</summary>
public sealed record NoApprovedAnswer(string AskRole) : QuestionOutcome
{
    public override IReadOnlyList<Citation> Citations => [];

    /// <summary>The honest refusal, worded once here so every surface says the same.</summary>
    public string Message => $"I don't have an approved answer to that; ask {AskRole}.";
}

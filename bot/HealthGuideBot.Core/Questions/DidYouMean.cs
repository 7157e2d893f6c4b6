namespace HealthGuideBot.Core.Questions;

/// <summary>Not confident enough to answer: the closest sections, for the member of staff to pick from.</summary>
/// <param name="Suggestions">The closest sections, best first.</param>
/// <param name="AskRole">Who to ask if none of them is right.</param>
/// <param name="Confidence">The best section's confidence, below the answer threshold.</param>
public sealed record DidYouMean(IReadOnlyList<Citation> Suggestions, string AskRole, double Confidence) : QuestionOutcome
{
    public override IReadOnlyList<Citation> Citations => Suggestions;
}

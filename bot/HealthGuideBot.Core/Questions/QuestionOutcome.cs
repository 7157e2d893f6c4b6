namespace HealthGuideBot.Core.Questions;

/// <summary>What the answerer decided: <see cref="AnsweredQuestion"/>, <see cref="DidYouMean"/> or <see cref="NoApprovedAnswer"/>.</summary>
public abstract record QuestionOutcome
{
    private protected QuestionOutcome()
    {
    }

    /// <summary>Every section this outcome cites.</summary>
    public abstract IReadOnlyList<Citation> Citations { get; }

    /// <summary>True when a cited document is past its review date: the reply must say so.</summary>
    public bool HasOverdueSource => Citations.Any(citation => citation.IsOverdue);
}

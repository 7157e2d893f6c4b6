namespace HealthGuideBot.Core.Questions;

/// <summary>How the question answerer decides between an answer, a "did you mean" and an honest refusal.</summary>
public sealed class QuestionAnsweringOptions
{
    public const string Section = "HealthGuideBot:Questions";

    /// <summary>Who staff should ask when there is no approved answer, e.g. "the school nurse".</summary>
    public string AskRole { get; set; } = "the school nurse or the first aid lead";

    /// <summary>Confidence (0–1) at or above which the best section is given as the answer.</summary>
    public double AnswerThreshold { get; set; } = 0.6;

    /// <summary>Confidence at or above which the closest sections are offered as "did you mean".</summary>
    public double SuggestionThreshold { get; set; } = 0.35;

    /// <summary>How many sections a "did you mean" offers.</summary>
    public int MaxSuggestions { get; set; } = 3;

    /// <summary>
    /// How many knowledge searches may run at once (<see cref="SearchAdmission"/>); further questions wait their turn
    /// so that emergency answers never queue behind a burst of searches. Unset, 0 or less: twice the processor count.
    /// </summary>
    public int MaxConcurrentSearches { get; set; }
}

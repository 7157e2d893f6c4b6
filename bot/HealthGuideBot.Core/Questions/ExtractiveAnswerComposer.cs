namespace HealthGuideBot.Core.Questions;

/// <summary>The default composer: the best section's highlighted excerpt, verbatim. Generates nothing.</summary>
public sealed class ExtractiveAnswerComposer : IAnswerComposer
{
    public ValueTask<string> ComposeAsync(AnswerEvidence evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(evidence.Hits.Count == 0 ? string.Empty : evidence.Hits[0].HighlightedExcerpt);
    }
}

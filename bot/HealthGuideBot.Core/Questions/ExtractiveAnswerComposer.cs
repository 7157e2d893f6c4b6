namespace HealthGuideBot.Core.Questions;

/// <summary>The default composer: the best section's highlighted excerpt, verbatim. Generates nothing.</summary>
public sealed class ExtractiveAnswerComposer : IAnswerComposer
{
    public ValueTask<ComposedAnswer> ComposeAsync(AnswerEvidence evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(evidence.Hits.Count == 0 ? ComposedAnswer.Empty : ComposedAnswer.Quote(evidence.Hits[0]));
    }
}

namespace HealthGuideBot.Core.Questions;

/// <summary>
/// Turns the sections found for a question into the answer text and the sections it cites. The default,
/// <see cref="ExtractiveAnswerComposer"/>, quotes the best section; a generative composer may be configured for
/// questions only. Emergencies never reach any composer (EmergencyResponder cannot take one).
/// </summary>
public interface IAnswerComposer
{
    ValueTask<ComposedAnswer> ComposeAsync(AnswerEvidence evidence, CancellationToken cancellationToken);
}

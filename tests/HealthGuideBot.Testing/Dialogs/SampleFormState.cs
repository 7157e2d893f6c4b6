namespace HealthGuideBot.Testing.Dialogs;

/// <summary>The state of <see cref="SampleFormDialog"/>: the step reached and the answers so far.</summary>
public sealed record SampleFormState(int Step, IReadOnlyList<string> Answers);

using System.Text.Json.Serialization.Metadata;
using HealthGuideBot.BotFramework.Dialogs;
using HealthGuideBot.BotFramework.Turns;

namespace HealthGuideBot.Testing.Dialogs;

/// <summary>
/// A three-question form with no health content: prompts "Question 1".."Question 3", goes back one question on
/// "back", and on completion replies "Done: a | b | c".
/// </summary>
public sealed class SampleFormDialog : Dialog<SampleFormState>
{
    public const string DialogId = "sample-form";
    public const int QuestionCount = 3;

    public override string Id => DialogId;

    public override JsonTypeInfo<SampleFormState> StateTypeInfo => SampleFormJsonContext.Default.SampleFormState;

    public static string Prompt(int step) => $"Question {step + 1}";

    public override Task<DialogResult<SampleFormState>> BeginAsync(DialogContext context, CancellationToken cancellationToken)
    {
        context.Reply(MessageFactory.Text(Prompt(0)));
        return Task.FromResult(DialogResult.Waiting(new SampleFormState(0, [])));
    }

    public override Task<DialogResult<SampleFormState>> ContinueAsync(DialogContext<SampleFormState> context, CancellationToken cancellationToken)
    {
        var state = context.State with { Step = context.State.Step + 1, Answers = [.. context.State.Answers, context.Text] };
        if (state.Step == QuestionCount)
        {
            context.Reply(MessageFactory.Text($"Done: {string.Join(" | ", state.Answers)}"));
            return Task.FromResult<DialogResult<SampleFormState>>(DialogResult.Complete);
        }

        context.Reply(MessageFactory.Text(Prompt(state.Step)));
        return Task.FromResult(DialogResult.Waiting(state));
    }

    public override Task RepromptAsync(DialogContext<SampleFormState> context, CancellationToken cancellationToken)
    {
        context.Reply(MessageFactory.Text(Prompt(context.State.Step)));
        return Task.CompletedTask;
    }

    public override SampleFormState? GoBack(SampleFormState state) =>
        state.Step == 0 ? null : new SampleFormState(state.Step - 1, [.. state.Answers.Take(state.Step - 1)]);

    public override Task OnCancelledAsync(DialogContext<SampleFormState> context, CancellationToken cancellationToken)
    {
        context.Reply(MessageFactory.Text("Cancelled"));
        return Task.CompletedTask;
    }

    public override string DescribeDraft(SampleFormState state) => $"Sample form, question {state.Step + 1}";
}

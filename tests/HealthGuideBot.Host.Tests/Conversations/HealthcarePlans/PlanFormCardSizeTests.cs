using System.Text;
using HealthGuideBot.BotFramework.Cards;
using HealthGuideBot.Host.Conversations.HealthcarePlans;

namespace HealthGuideBot.Host.Tests.Conversations.HealthcarePlans;

/// <summary>The form's cards stay under 28 KB even when every field is filled to its limit.</summary>
public sealed class PlanFormCardSizeTests
{
    private const int MaxCardBytes = 28 * 1024;

    private static readonly CardTemplateLibrary Library = new(typeof(PlanFormDialog).Assembly);

    [Fact]
    public void SummaryCard_WithEveryFieldAtItsLimit_AndTheMostChanges_IsUnder28KB()
    {
        var sections = PlanFormFields.Steps.Select(step => new PlanSummarySection(
            step.Title,
            [.. step.Fields.Select(f => new CardFact(f.Label, Fill(f.MaxLength)))])).ToList();
        var before = PlanFormFields.All.ToDictionary(f => f.Id, f => Fill(f.MaxLength, 'a'));
        var after = PlanFormFields.All.ToDictionary(f => f.Id, f => Fill(f.MaxLength, 'b'));
        var changes = PlanFormValues.Changes(before, after, (_, v) => v);
        var model = new PlanSummaryCardModel("Review of the healthcare plan for " + Fill(100), "Submitting saves version 12 of the plan and files it.", true, 11, changes, sections, Guid.NewGuid().ToString("N"));

        var card = Library.Get("plans/plan-summary").Bind(model, PlanCardJsonContext.Default.PlanSummaryCardModel);

        Assert.Equal(PlanFormValues.MaxChangesShown + 1, changes.Count);
        var bytes = Encoding.UTF8.GetByteCount(card.ToJsonString());
        Assert.True(bytes < MaxCardBytes, $"The fullest summary card is {bytes} bytes");
    }

    [Fact]
    public void EveryStepCard_WithEveryFieldAtItsLimit_AndAnErrorOnEachField_IsUnder28KB()
    {
        foreach (var step in PlanFormFields.Steps)
        {
            var fields = step.Fields.Select(f => new PlanFieldCardModel(
                f.Id, f.Label, "text", f.Required, f.Multiline, f.MaxLength, f.Regex, f.ErrorMessage, f.Placeholder, Fill(f.MaxLength), null, Fill(120))).ToList();
            var model = new PlanStepCardModel("Review of the healthcare plan (version 11)", 9, 9, step.Title, Fill(120), step.Intro, "What changed in version 11",
                [.. Enumerable.Range(0, PlanFormValues.MaxChangesShown + 1).Select(_ => Fill(220))], [.. step.Fields.Select(_ => Fill(120))], fields);

            var card = Library.Get("plans/plan-step").Bind(model, PlanCardJsonContext.Default.PlanStepCardModel);

            var bytes = Encoding.UTF8.GetByteCount(card.ToJsonString());
            Assert.True(bytes < MaxCardBytes, $"The step '{step.Title}' card is {bytes} bytes");
        }
    }

    private static string Fill(int length, char letter = 'x') => new(letter, length);
}

using HealthGuideBot.Core.Referrals;

namespace HealthGuideBot.Core.Tests.Referrals;

public sealed class AnswerInterpreterTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public void Date_InTheFuture_IsRefused_WhenTheQuestionLooksBack()
    {
        var question = Question(QuestionType.Date) with { Validation = new QuestionValidation { NotInFuture = true } };
        Assert.IsType<AnswerOutcome.Rejected>(AnswerInterpreter.Interpret(question, "14/03/2027", Today));
        Assert.Equal(new AnswerOutcome.Accepted("2026-11-06"), AnswerInterpreter.Interpret(question, "3 weeks ago", Today));
    }

    [Fact]
    public void Number_OutsideTheRange_IsRefused()
    {
        var question = Question(QuestionType.Number) with { Validation = new QuestionValidation { Min = 0, Max = 200 } };
        Assert.IsType<AnswerOutcome.Rejected>(AnswerInterpreter.Interpret(question, "500", Today));
        Assert.Equal(new AnswerOutcome.Accepted("12"), AnswerInterpreter.Interpret(question, "twelve days", Today));
    }

    [Fact]
    public void Consent_No_IsRefusedWithTheQuestionsExplanation()
    {
        var question = Question(QuestionType.YesNo) with { Validation = new QuestionValidation { MustBeYes = "Ask the parents first." } };
        Assert.Equal(new AnswerOutcome.Rejected("Ask the parents first."), AnswerInterpreter.Interpret(question, "not yet", Today));
        Assert.Equal(new AnswerOutcome.Accepted("yes"), AnswerInterpreter.Interpret(question, "yep", Today));
    }

    [Fact]
    public void GpLetterAlone_IsRefused_ForPanelMedicalEvidence()
    {
        var question = Question(QuestionType.Choice) with
        {
            Choices = [new("consultant", "A consultant"), new("gp-only", "A GP letter only", "A GP letter alone is not enough for the panel.")],
        };
        var outcome = Assert.IsType<AnswerOutcome.Rejected>(AnswerInterpreter.Interpret(question, "a GP letter only", Today));
        Assert.Contains("GP letter alone is not enough", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(new AnswerOutcome.Accepted("consultant"), AnswerInterpreter.Interpret(question, "consultant", Today));
    }

    [Fact]
    public void Text_ShorterThanTheMinimum_AsksForMore()
    {
        var question = Question(QuestionType.Text) with { Validation = new QuestionValidation { MinLength = 20 } };
        Assert.IsType<AnswerOutcome.Rejected>(AnswerInterpreter.Interpret(question, "sad", Today));
        Assert.IsType<AnswerOutcome.Accepted>(AnswerInterpreter.Interpret(question, "Low mood and withdrawn since September", Today));
    }

    [Fact]
    public void Display_ReadsCanonicalValuesBack()
    {
        Assert.Equal("14 March 2026", AnswerInterpreter.Display(Question(QuestionType.Date), "2026-03-14"));
        Assert.Equal("Yes", AnswerInterpreter.Display(Question(QuestionType.YesNo), "yes"));
    }

    private static ReferralQuestion Question(QuestionType type) =>
        new() { Id = "q", Section = "s", Label = "Q", Prompt = "Q?", Type = type, Required = true };
}

using System.Globalization;
using HealthGuideBot.Core.Referrals.Parsing;

namespace HealthGuideBot.Core.Referrals;

/// <summary>
/// Turns a free-text answer into the canonical value its question needs and applies the question's validation.
/// Pupil questions are answered against the pupil directory by the caller.
/// </summary>
public static class AnswerInterpreter
{
    public static AnswerOutcome Interpret(ReferralQuestion question, string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(question);
        text = text.Trim();
        var rules = question.Validation;
        switch (question.Type)
        {
            case QuestionType.Text:
                if (text.Length < (rules?.MinLength ?? 1))
                {
                    return new AnswerOutcome.Rejected(rules?.MinLength is > 1
                        ? "Could you say a little more? A sentence or two helps the service understand."
                        : "Please type an answer.");
                }

                return text.Length > (rules?.MaxLength ?? 4000)
                    ? new AnswerOutcome.Rejected($"That is longer than this form takes ({rules?.MaxLength ?? 4000} characters). Please shorten it.")
                    : new AnswerOutcome.Accepted(text);

            case QuestionType.YesNo:
                if (YesNoParser.Parse(text) is not { } yes)
                {
                    return new AnswerOutcome.Rejected("Please answer yes or no.");
                }

                return !yes && rules?.MustBeYes is { } mustBeYes
                    ? new AnswerOutcome.Rejected(mustBeYes)
                    : new AnswerOutcome.Accepted(yes ? "yes" : "no");

            case QuestionType.Date:
                var direction = rules?.NotInPast == true ? DateDirection.Future : DateDirection.Past;
                if (UkDateParser.Parse(text, today, direction) is not { } date)
                {
                    return new AnswerOutcome.Rejected("I couldn't read that as a date. Try 14/03/2026, 14 March, last Tuesday or 3 weeks ago.");
                }

                if (rules?.NotInFuture == true && date > today)
                {
                    return new AnswerOutcome.Rejected($"{UkDateParser.Format(date)} is in the future. Please give a date on or before today.");
                }

                return rules?.NotInPast == true && date < today
                    ? new AnswerOutcome.Rejected($"{UkDateParser.Format(date)} has passed. Please give a date from today on.")
                    : new AnswerOutcome.Accepted(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

            case QuestionType.Number:
                if (NumberParser.Parse(text) is not { } number)
                {
                    return new AnswerOutcome.Rejected("Please give a number, for example 12.");
                }

                if (rules?.Min is { } min && number < min)
                {
                    return new AnswerOutcome.Rejected($"That should be at least {min.ToString(CultureInfo.InvariantCulture)}.");
                }

                return rules?.Max is { } max && number > max
                    ? new AnswerOutcome.Rejected($"That should be at most {max.ToString(CultureInfo.InvariantCulture)}.")
                    : new AnswerOutcome.Accepted(number.ToString(CultureInfo.InvariantCulture));

            case QuestionType.Choice:
                if (ChoiceMatcher.Match(text, question.Choices) is not { } choice)
                {
                    return new AnswerOutcome.Rejected("Please pick one of: " + string.Join("; ", question.Choices.Select(c => c.Title)) + ".");
                }

                return choice.Reject is { } reason ? new AnswerOutcome.Rejected(reason) : new AnswerOutcome.Accepted(choice.Value);

            case QuestionType.ClassName:
                return ClassNameParser.Parse(text) is { } className
                    ? new AnswerOutcome.Accepted(className)
                    : new AnswerOutcome.Rejected("I couldn't read that as a class. Try 5B, Year 5 or Reception.");

            case QuestionType.Pupil:
                throw new InvalidOperationException("Pupil answers are matched against the pupil directory by the caller.");

            default:
                throw new ArgumentOutOfRangeException(nameof(question), question.Type, "Unknown question type.");
        }
    }

    /// <summary>How a canonical answer reads back to staff (summary card, document).</summary>
    public static string Display(ReferralQuestion question, string value)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Type switch
        {
            QuestionType.YesNo => value == "yes" ? "Yes" : value == "no" ? "No" : value,
            QuestionType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? UkDateParser.Format(date) : value,
            QuestionType.Choice => question.Choices.FirstOrDefault(c => c.Value == value)?.Title ?? value,
            _ => value,
        };
    }
}

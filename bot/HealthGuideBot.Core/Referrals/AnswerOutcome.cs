namespace HealthGuideBot.Core.Referrals;

/// <summary>What became of one free-text answer: accepted in canonical form, or refused with a reason to show.</summary>
public abstract record AnswerOutcome
{
    private AnswerOutcome()
    {
    }

    /// <summary>
    /// Accepted. <see cref="Value"/> is canonical: ISO date (<c>2026-03-14</c>), invariant number, <c>yes</c>/<c>no</c>,
    /// a choice's value, a class name in one spelling, or the text as typed.
    /// </summary>
    public sealed record Accepted(string Value) : AnswerOutcome;

    /// <summary>Not accepted; <see cref="Message"/> says why and what would do.</summary>
    public sealed record Rejected(string Message) : AnswerOutcome;
}

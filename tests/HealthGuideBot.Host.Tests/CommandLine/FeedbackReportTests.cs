using HealthGuideBot.Core.Feedback;
using HealthGuideBot.Host.CommandLine;

namespace HealthGuideBot.Host.Tests.CommandLine;

public sealed class FeedbackReportTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_PutsTheLeastHelpfulDocumentFirst_AndGroupsRepeatedQuestions()
    {
        AnswerFeedback[] feedback =
        [
            new(At, FeedbackKinds.Helpful, "policy-medicines", null),
            new(At, FeedbackKinds.NotHelpful, "guidance-ihp", null),
            new(At, FeedbackKinds.NotHelpful, "guidance-ihp", null),
            new(At, FeedbackKinds.Unanswered, null, "how do I claim expenses"),
            new(At, FeedbackKinds.Unanswered, null, "How do I claim expenses "),
            new(At, FeedbackKinds.DidYouMean, null, "swimming kit"),
        ];

        var report = FeedbackReport.Render(feedback, At.AddDays(-30));

        Assert.True(report.IndexOf("guidance-ihp: 0 / 2", StringComparison.Ordinal) < report.IndexOf("policy-medicines: 1 / 0", StringComparison.Ordinal));
        Assert.Contains("2 × how do i claim expenses", report, StringComparison.Ordinal);
        Assert.Contains("1 × swimming kit", report, StringComparison.Ordinal);
    }
}
